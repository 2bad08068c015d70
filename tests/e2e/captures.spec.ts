// Learners can download each real capture a lesson shows: the pcap for
// Wireshark or tcpdump -r, the JSON for the scenario and what the kernel did.
import { expect, test } from "@playwright/test";

test("the header-fields lesson offers the capture its real SYN comes from, and the pcap is a real pcap", async ({ page, request }) => {
  await page.goto("/lessons/header-fields");
  const link = page.getByRole("link", { name: "Download client-active-close.pcap" }).first();
  await expect(link).toHaveAttribute("href", "/captures/client-active-close.pcap");

  const response = await request.get("/captures/client-active-close.pcap");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.tcpdump.pcap");
  expect(response.headers()["content-disposition"]).toContain('filename="client-active-close.pcap"');
  // A download is a file: it mints no learner identity.
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const bytes = await response.body();
  // pcap magic number, little-endian microsecond format.
  expect(bytes.subarray(0, 4).toString("hex")).toBe("d4c3b2a1");
});

test("the JSON of a capture holds its scenario and the kernel's trace", async ({ request }) => {
  const response = await request.get("/captures/client-active-close.json");
  expect(response.status()).toBe(200);
  const capture = (await response.json()) as { name: string; steps: unknown[]; expect: { segments: { flags: string }[] } };
  expect(capture.name).toBe("client-active-close");
  expect(capture.steps.length).toBeGreaterThan(0);
  expect(capture.expect.segments[0]?.flags).toBe("S");
});

test("a capture that does not exist is a 404, not an error page with a stack", async ({ request }) => {
  const response = await request.get("/captures/no-such-capture.pcap");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
});

test("the sequence simulator offers the capture it compares with", async ({ page }) => {
  await page.goto("/lessons/four-way-close");
  const panel = page.getByTestId("capture").first();
  await expect(panel.getByRole("link", { name: /^Download .*\.pcap$/ })).toBeVisible();
});
