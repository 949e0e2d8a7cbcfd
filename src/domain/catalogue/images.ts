import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';

/**
 * A solution's logo and screenshots, uploaded by agency staff (base64 in JSON, like the project documents) and served
 * from the app's own origin, so the Content-Security-Policy keeps `img-src 'self'`. The type is what the bytes say
 * (magic numbers), never what the client claims.
 */
export const IMAGE_KINDS = ['logo', 'screenshot'] as const;
export const ImageKind = z.enum(IMAGE_KINDS);
export type ImageKind = z.infer<typeof ImageKind>;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Bytes at most, per kind; and how many screenshots a solution keeps. */
export const IMAGE_LIMITS = { logo: 128 * 1024, screenshot: 512 * 1024 } as const;
export const MAX_SCREENSHOTS = 4;

export const ImageUploadInput = z
  .strictObject({
    kind: ImageKind,
    /** ~4/3 of the largest image, so a too-large file is refused by the rule (naming the limit), not the schema */
    content: z
      .string()
      .min(4)
      .max(Math.ceil((IMAGE_LIMITS.screenshot * 4) / 3) + 4096)
      .regex(/^[A-Za-z0-9+/=\r\n]+$/)
      .describe('the file, base64'),
    caption: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'SolutionImageUpload' });
export type ImageUploadInput = z.infer<typeof ImageUploadInput>;

export const SolutionImage = z
  .object({ id: z.uuid(), kind: ImageKind, url: z.string(), caption: z.string(), sizeBytes: z.number().int() })
  .meta({ id: 'SolutionImage' });
export type SolutionImage = z.infer<typeof SolutionImage>;

/** The image type the bytes are, by their signature; null when they are none of PNG, JPEG, WebP. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

/** Checks an upload; returns its type. `screenshots` is how many the solution already has. */
export function checkImage(kind: ImageKind, bytes: Uint8Array, screenshots: number): ImageType {
  if (bytes.length === 0) throw new DomainError('IMAGE_EMPTY', 'the file is empty');
  if (bytes.length > IMAGE_LIMITS[kind]) {
    throw new DomainError('IMAGE_TOO_LARGE', `the image is larger than ${IMAGE_LIMITS[kind] / 1024} KiB`, {
      limitBytes: IMAGE_LIMITS[kind],
      sizeBytes: bytes.length,
    });
  }
  const type = sniffImage(bytes);
  if (!type) throw new DomainError('IMAGE_TYPE', 'the file is not a PNG, JPEG or WebP image');
  if (kind === 'screenshot' && screenshots >= MAX_SCREENSHOTS) {
    throw new DomainError('TOO_MANY_SCREENSHOTS', `a solution keeps at most ${MAX_SCREENSHOTS} screenshots`, {
      max: MAX_SCREENSHOTS,
    });
  }
  return type;
}
