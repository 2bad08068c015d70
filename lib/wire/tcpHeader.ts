// Public face of the TCP header code: one import for the codec (tcpHeaderCodec),
// the options (tcpOptions), the field table (fieldLayout) and validated edits
// (editHeader). Each lives in its own small module; this file only gathers them.

export * from "./tcpHeaderCodec";
export * from "./tcpOptions";
export * from "./fieldLayout";
export * from "./editHeader";
