// The core runs where there is no Electron (the browser shell's server, the CLI, the tests): its
// compiler sees this empty module in place of the electron package, so nothing from it compiles.
export {};
