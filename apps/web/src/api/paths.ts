// Placeholder until @clipyard/client (generated from the OpenAPI description) is on main.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type paths = any;
