// A pause until the next task: the browser may paint and handle input in between (start-up's steps, the first
// figure's draw in parts).

/** Resolves in a new task (a 0 ms timer). */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
