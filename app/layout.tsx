import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "./_components/AccountMenu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TCP, connection by connection", template: "%s · TCP, connection by connection" },
  description: "An interactive course on TCP connection management: handshakes, closes, TIME-WAIT, SYN floods and CLOSE_WAIT, on a simulator checked against real Linux.",
  // Open Graph for sharing: without a title or description of its own, Next fills
  // og:title and og:description from each page's title and description.
  openGraph: { type: "website", siteName: "TCP, connection by connection", locale: "en" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight">
              TCP, connection by connection
            </Link>
            <Link href="/lessons" className="text-slate-700 hover:underline dark:text-slate-300">
              Lessons
            </Link>
            <Link href="/interview" className="text-slate-700 hover:underline dark:text-slate-300">
              Interview
            </Link>
            {/* No prefetch: the search page's code and index load only when a learner opens it. */}
            <Link href="/glossary" prefetch={false} className="text-slate-700 hover:underline dark:text-slate-300">Glossary</Link>
            <Link href="/search" prefetch={false} className="text-slate-700 hover:underline dark:text-slate-300">Search</Link>
            <AccountMenu />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600 dark:text-slate-400">
          Facts are checked against RFC 9293, <code>man 7 tcp</code> and the Linux source; each lesson names its sources.
        </footer>
      </body>
    </html>
  );
}
