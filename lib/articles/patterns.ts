// What a Chinese newspaper's source lines look like. Shared by the text splitter and the DOM
// finder, so both read bylines the same way.

/** ■本报记者 梁琨 / ■满涛 / 本报记者 X 本报通讯员 Y Z — a byline standing on its own line. */
export const BYLINE_LINE = /^\s*(?:■\s*)?(?:(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员)\s*[\p{Script=Han}·]{2,4}(?:[\s　]+[\p{Script=Han}·]{2,4})*[\s　]*){1,6}$|^\s*■\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*$/u;
/** A photo credit: ■记者 刘建新 摄 (alone or at the end of a caption). */
export const PHOTO_CREDIT = /■?\s*(?:本报)?(?:记者|通讯员)?\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*摄\s*$/u;
/** Source lead at the start of a body paragraph: 本报嘉祥讯（通讯员 李超）, 新华社北京3月1日电（记者 X）. */
export const SOURCE_LEAD = /(?:本报[\p{Script=Han}]{0,6}讯(?!员)|新华社[\p{Script=Han}\d月日]{0,14}电|中新社[\p{Script=Han}\d月日]{0,14}电|人民网[\p{Script=Han}\d月日]{0,14}电)(?:（[^）]{0,40}）|\([^)]{0,40}\))?/u;
