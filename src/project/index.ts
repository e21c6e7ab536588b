// The project subsystem's door: the project model plus share links, zip export and import (the HTML export lives in the runtime: it links like the preview).

export * from "./files";
export { starterProject } from "./starter";
export { encodeShareLink, decodeShareLink, shareLinkUrl, ShareLinkError, SHARE_LIMITS, SHARE_FORMAT_VERSION, SPEC_PATH, PLAY_PATH } from "./share";
export type { EncodedShareLink, ShareCodecOptions, ShareLinkErrorCode, SpecCompiler } from "./share";
export { exportZip, exportableProject, importZip, importUpload, projectFromUpload, projectSlug, ProjectExportError, ProjectImportError, EXPORT_DEPENDENCIES } from "./zip";
export type { ImportedProject, ProjectImportErrorCode, UploadedFile } from "./zip";
export { remixUrl, takeRemixFromLocation, projectTitle } from "./share-remix";
export type { RemixLocation, RemixHistory } from "./share-remix";
export { shareQrSvg, QR_MAX_BYTES } from "./share-qr";
export { fetchPhaserSource } from "./phaser-source";
