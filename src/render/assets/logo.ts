import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { RenderError } from '../../errors.ts';
import type { LayoutAssets } from './layout-assets.ts';

export const LogoType = { svg: 'svg', png: 'png', jpg: 'jpg' } as const;
export type LogoType = (typeof LogoType)[keyof typeof LogoType];

/** The logo every renderer draws: bytes, kind and intrinsic size (for the aspect ratio). */
export interface Logo {
  readonly type: LogoType;
  readonly dataUri: string;
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** A PNG rendition when the logo is SVG, if there is one. */
  readonly png?: Uint8Array;
}

const MEDIA_TYPES: Readonly<Record<string, LogoType>> = {
  'image/svg+xml': LogoType.svg,
  'image/png': LogoType.png,
  'image/jpeg': LogoType.jpg,
};

const DATA_URI = /^data:(image\/(?:svg\+xml|png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/;

/** The document's logo, or the neutral placeholder from templates/ when it brings none. */
export function resolveLogo(doc: BulletinDocument, assets: LayoutAssets): Logo {
  if (doc.logo === undefined) {
    return {
      ...describe(LogoType.svg, assets.logoSvg),
      dataUri: toDataUri('image/svg+xml', assets.logoSvg),
      png: assets.logoPng,
    };
  }
  const { mediaType, bytes } = decodeDataUri(doc.logo.dataUri);
  const type = MEDIA_TYPES[mediaType];
  if (type === undefined || mediaType !== doc.logo.mediaType) {
    throw new RenderError(`El logotipo debe ser SVG, PNG o JPEG y declararse como tal; llegó «${doc.logo.mediaType}».`);
  }
  const png = doc.logo.pngDataUri === undefined ? undefined : decodeDataUri(doc.logo.pngDataUri);
  if (png !== undefined && png.mediaType !== 'image/png') {
    throw new RenderError('La versión PNG del logotipo no es un PNG.');
  }
  return {
    ...describe(type, bytes),
    dataUri: doc.logo.dataUri,
    ...(png === undefined ? {} : { png: png.bytes }),
  };
}

function decodeDataUri(dataUri: string): { mediaType: string; bytes: Uint8Array } {
  const match = DATA_URI.exec(dataUri);
  if (match === null) {
    throw new RenderError('El logotipo debe llegar como data URI en base64 (data:image/...;base64,...).');
  }
  return { mediaType: match[1] ?? '', bytes: new Uint8Array(Buffer.from(match[2] ?? '', 'base64')) };
}

function toDataUri(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

function describe(
  type: LogoType,
  bytes: Uint8Array,
): { type: LogoType; bytes: Uint8Array; width: number; height: number } {
  const size = type === LogoType.svg ? svgSize(bytes) : type === LogoType.png ? pngSize(bytes) : jpegSize(bytes);
  if (size === undefined || !(size.width > 0 && size.height > 0)) {
    throw new RenderError(`No se pudo leer el tamaño del logotipo (${type}).`);
  }
  return { type, bytes, ...size };
}

type Size = { width: number; height: number } | undefined;

function svgSize(bytes: Uint8Array): Size {
  const svg = new TextDecoder().decode(bytes);
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const viewBox = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(root);
  if (viewBox !== null) return { width: Number(viewBox[1]), height: Number(viewBox[2]) };
  const width = /\bwidth\s*=\s*["']([\d.]+)/i.exec(root);
  const height = /\bheight\s*=\s*["']([\d.]+)/i.exec(root);
  if (width === null || height === null) return undefined;
  return { width: Number(width[1]), height: Number(height[1]) };
}

function pngSize(bytes: Uint8Array): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || view.getUint32(0) !== 0x89504e47) return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG markers up to the first start-of-frame, which carries the size. */
function jpegSize(bytes: Uint8Array): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    offset += 2 + length;
  }
  return undefined;
}
