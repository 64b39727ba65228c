/** Vite turns `file?url` into the file's address; the receiver's build makes it a data: URL. */
declare module '*?url' {
  const url: string;
  export default url;
}
