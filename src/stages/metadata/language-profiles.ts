/**
 * Stop-word profiles for telling the main languages of news apart: for each ISO 639-1 code, the
 * short function words that make up much of any running text in it. Words shared by two
 * languages ("de", "en", "la") are kept in both; the count of hits decides, so they cancel out.
 * Small on purpose: enough for a page, not a general language identifier.
 */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'as', 'by', 'it', 'are', 'this', 'from', 'has', 'have', 'be', 'not', 'which', 'were', 'their', 'they', 'but', 'its', 'will', 'said', 'would'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'den', 'von', 'mit', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'auch', 'dem', 'wird', 'zu', 'sie', 'im', 'bei', 'nach', 'wie', 'oder', 'aus', 'einer', 'wurde', 'sind', 'über'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'une', 'un', 'est', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'par', 'il', 'ce', 'sont', 'aux', 'plus', 'ont', 'été', 'mais', 'elle', 'cette', 'ses', 'nous'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'del', 'por', 'con', 'para', 'una', 'un', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'fue', 'ha', 'este', 'esta', 'entre', 'sobre', 'también'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'un', 'una', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'da', 'nel', 'alla', 'dei', 'delle', 'si', 'ha', 'anche', 'come', 'più', 'questo', 'essere', 'stato', 'dalla', 'nella'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'do', 'da', 'dos', 'das', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'mais', 'foi', 'ao', 'pelo', 'pela', 'são', 'também', 'já', 'seu'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'er', 'aan', 'ook', 'als', 'bij', 'door', 'maar', 'om', 'nog', 'dan', 'wordt', 'heeft', 'naar', 'deze', 'worden', 'werd'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'dari', 'dalam', 'tidak', 'akan', 'pada', 'juga', 'ke', 'ada', 'oleh', 'karena', 'bahwa', 'mereka', 'sudah', 'atau', 'saat', 'kami', 'telah', 'bisa', 'lebih', 'seperti', 'menjadi', 'kata', 'tersebut'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'как', 'это', 'из', 'за', 'о', 'от', 'для', 'к', 'так', 'его', 'но', 'он', 'же', 'все', 'был', 'было', 'также', 'при', 'или', 'уже', 'она', 'они', 'только'],
  uk: ['і', 'в', 'не', 'на', 'що', 'з', 'у', 'та', 'до', 'за', 'як', 'це', 'від', 'для', 'про', 'й', 'але', 'він', 'його', 'також', 'було', 'вже', 'які', 'який', 'якщо', 'щоб', 'при', 'ще', 'або', 'їх'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'do', 'to', 'że', 'jest', 'o', 'jak', 'po', 'co', 'ale', 'od', 'za', 'przez', 'dla', 'jego', 'oraz', 'tym', 'są', 'tak', 'czy', 'już', 'może', 'być', 'także', 'który'],
  sv: ['och', 'i', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'de', 'inte', 'om', 'ett', 'var', 'men', 'så', 'vi', 'från', 'han', 'sig', 'kan', 'vid', 'eller', 'också', 'efter'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'ne', 'gibi', 'olan', 'en', 'ama', 'sonra', 'kadar', 'her', 'değil', 'ise', 'mi', 'şey', 'diye', 'olduğu', 'ancak', 'tarafından', 'göre', 'ya', 'veya', 'o'],
}
