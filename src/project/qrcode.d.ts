// The part of the qrcode package that share-qr.ts uses. Declared here because @types/qrcode pulls
// Node's types into every program that imports it, and the project core runs without them.
declare module "qrcode" {
  interface SvgOptions {
    type: "svg";
    errorCorrectionLevel: "L" | "M" | "Q" | "H";
    margin?: number;
  }
  const QRCode: { toString(text: string, options: SvgOptions): Promise<string> };
  export default QRCode;
}
