/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon, and piscina starts its worker threads from
  // its own files: load both from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "piscina"],
  // Lessons are read from content/ while pages are statically generated.
  outputFileTracingIncludes: { "/lessons/[slug]": ["./content/lessons/**/*"], "/captures/[file]": ["./content/captures/*"] },
};

export default nextConfig;
