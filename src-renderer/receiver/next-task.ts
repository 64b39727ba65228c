/**
 * Lets the page paint and take input before the next piece of work: a task of its own, so no
 * single task holds the page's thread for long.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
