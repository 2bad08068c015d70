// recharts' ResponsiveContainer (and the widgets' width hooks) need
// ResizeObserver, which jsdom lacks: a stub that never reports a size.
export function installResizeObserverStub() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
