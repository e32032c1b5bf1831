/// <reference types="vite/client" />

// For plain `tsc` (the repository's project references); `vue-tsc` reads the components themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<object, object, unknown>;
  export default component;
}
