import { at, type Graph } from './graph.js';

/** Which edges are laid out reversed, and each edge's ends in the acyclic orientation that gives. */
export interface Orientation {
  reversed: boolean[];
  tail(edge: number): number;
  head(edge: number): number;
}

/** Breaks cycles: an edge back to a node on the depth-first stack is laid out reversed. */
export function breakCycles({ edges, realCount }: Graph): Orientation {
  const out: number[][] = Array.from({ length: realCount }, () => []);
  edges.forEach((e, i) => {
    out[e.from]?.push(i);
  });
  const reversed = new Array<boolean>(edges.length).fill(false);
  const state = new Uint8Array(realCount); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < realCount; start++) {
    if (state[start]) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = at(stack, stack.length - 1);
      const [v, k] = top;
      const list = out[v] ?? [];
      if (k >= list.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = k + 1;
      const ei = at(list, k);
      const w = at(edges, ei).to;
      if (state[w] === 1) reversed[ei] = true;
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  const tail = (i: number) => {
    const e = at(edges, i);
    return reversed[i] ? e.to : e.from;
  };
  const head = (i: number) => {
    const e = at(edges, i);
    return reversed[i] ? e.from : e.to;
  };
  return { reversed, tail, head };
}
