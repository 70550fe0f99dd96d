export {
  formatAmountInPress,
  formatAmountPairInPress,
  formatAmountsRespektive,
  formatKronor,
  formatKronorPlain,
  parseKronor,
  type PressAmountOptions,
} from "./amount";
export { capitalizeFirst, countInWords, formatShareOf, type Gender, type ShareOfOptions } from "./count";
export { countyShortName } from "./county";
export { formatDateLong, formatDateShort, formatDateTime, todayIso } from "./date";
export { formatList } from "./list";
export { ordinalInWords } from "./ordinal";
export { compareSwedish, swedishSortKey } from "./sort";
