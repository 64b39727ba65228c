/** Vite turns `file?url` into the file's address; the receiver's build makes it a data: URL. */
declare module '*?url' {
  const url: string;
  export default url;
}

/** Vite bundles `file?worker&inline` into the script as a Blob-URL worker: one file, still. */
declare module '*?worker&inline' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
