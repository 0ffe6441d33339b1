import 'preact';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** A pre-laid-out diagram; the browser adds pan, zoom and focus (client/diagram.ts). */
      'sy-diagram': HTMLAttributes<HTMLElement>;
    }
  }
}
