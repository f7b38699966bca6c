// A study's picture from DICOMweb (PS3.18 thumbnail of the study's representative image); a neutral tile when the
// caller may not see the study (e.g. a pool case not yet claimed) or it cannot be rendered.
import { esc } from "./core.js";

export const thumbnail = (studyUid, size = 96) =>
  `<img class="thumb" width="${size}" height="${size}" alt="" loading="lazy" src="/dicomweb/studies/${encodeURIComponent(studyUid)}/thumbnail?viewport=${size},${size}"
        data-study="${esc(studyUid)}" onerror="this.classList.add('missing');this.removeAttribute('src')">`;
