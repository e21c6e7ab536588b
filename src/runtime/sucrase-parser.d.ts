// Types for sucrase's parser entry points, which ship their .d.ts under dist/types.
declare module "sucrase/dist/parser" {
  export * from "sucrase/dist/types/parser/index";
}
declare module "sucrase/dist/parser/tokenizer/types" {
  export * from "sucrase/dist/types/parser/tokenizer/types";
}
