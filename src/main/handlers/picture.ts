/** The picture's contract methods, each bound to its service over the session's workbook. */
import type { pictureMethods } from '@shared/contract/picture';
import type { Handlers } from '../router';
import { comparePictures, pictureView } from '../services/picture';
import { savePicture } from '../services/picture-save';
import { workbookName } from '../services/workbook-service';

type PictureHandlers = Pick<Handlers, keyof typeof pictureMethods>;

export const pictureHandlers: PictureHandlers = {
  'picture.get': (input, ctx) => pictureView(ctx.session.require(), ctx.services, input),
  'picture.compare': (input, ctx) => comparePictures(ctx.session.require(), ctx.services, input),
  'picture.save': async (input, ctx) => {
    const wb = ctx.session.require();
    const path = input.path !== undefined ? ctx.files.require(input.path, 'write') : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} demarcation`, input.format);
    return path === null ? null : savePicture(wb, ctx.services, { ...input, path });
  }
};
