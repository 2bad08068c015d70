/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // Lessons are read from content/ while pages are statically generated.
  outputFileTracingIncludes: { "/lessons/[slug]": ["./content/lessons/**/*"], "/captures/[file]": ["./content/captures/*"] },
};

export default nextConfig;
