import type { Lexicon } from './lexicon.js'

/** French. */
export const fr: Lexicon = {
  code: 'fr',
  name: 'French',
  months: [
    ['janvier', 'janv'], ['février', 'fevrier', 'févr', 'fevr'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
    ['juillet', 'juil'], ['août', 'aout'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'decembre', 'déc'],
  ],
  weekdays: [['dimanche'], ['lundi'], ['mardi'], ['mercredi'], ['jeudi'], ['vendredi'], ['samedi']],
  relativeDays: { 'avant-hier': -2, hier: -1, "aujourd'hui": 0, 'aujourd’hui': 0, demain: 1, 'après-demain': 2 },
  shifts: [
    { word: 'dernier', shift: -1, position: 'after' }, { word: 'passé', shift: -1, position: 'after' },
    { word: 'prochain', shift: 1, position: 'after' }, { word: 'ce', shift: 0, position: 'before' },
  ],
  dayPrepositions: ['le', 'depuis', 'dès', 'jusqu’à', "jusqu'à"],
  speechVerbs: [
    'déclaré', 'dit', 'affirmé', 'souligné', 'ajouté', 'expliqué', 'assuré', 'estimé', 'indiqué', 'précisé', 'martelé',
    'répondu', 'averti', 'lancé', 'insisté', 'rappelé', 'confié', 'écrit', 'prévenu', 'jugé', 'dénoncé', 'reconnu',
    'déclare', 'affirme', 'souligne', 'ajoute', 'explique', 'assure', 'estime', 'indique', 'précise', 'martèle',
    'répond', 'avertit', 'lance', 'insiste', 'rappelle', 'confie', 'écrit', 'juge', 'dénonce', 'reconnaît',
    'déclarait', 'disait', 'affirmait',
  ],
  verbParticles: ['a', 'ont', 'avait', 'a-t-il', 'a-t-elle', 'ont-ils', 'a-t-on'],
  accordingTo: ['selon', "d'après", 'd’après'],
  accordingToAfter: [],
  pronouns: ['il', 'elle', 'a-t-il', 'a-t-elle'],
  quoteMarks: [['«', '»'], ['“', '”'], ['"', '"'], ['‹', '›']],
  dialogueDash: false,
  titles: [
    'maire', 'gouverneur', 'directeur', 'directrice', 'député', 'députée', 'sénateur', 'sénatrice', 'juge', 'expert', 'experte', 'responsable', 'préfet', 'préfète',
    'ministre', 'président', 'présidente', 'porte-parole', 'chancelier', 'chancelière', 'chef', 'diplomate', 'secrétaire',
    'ambassadeur', 'ambassadrice', 'premier', 'première', 'dirigeant', 'dirigeante',
  ],
  speakerLeads: ['le', 'la', "l'", 'l’', 'les', 'du', 'de', 'm.', 'mme', 'russe', 'chinois', 'américain', 'français', 'allemand', 'ancien', 'ancienne'],
  negations: ['ne', "n'", 'pas', 'jamais', 'aucun', 'aucune', 'non', 'ni', 'rien'],
  hedges: ['apparemment', 'probablement', 'selon toute vraisemblance', 'aurait', 'auraient'],
  numberWords: { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, cent: 100, mille: 1000, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9 },
  numberFormat: { decimal: ',', group: [' ', '\u00a0', '\u202f', '.'] },
  dateOrder: 'day-month-year',
  figures: {
    currencies: { euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', rouble: 'RUB', roubles: 'RUB', yuan: 'CNY', yuans: 'CNY', livres: 'GBP', 'francs suisses': 'CHF' },
    percent: ['pour cent', 'pourcent'],
    comparators: { gt: ['plus de', "plus d'", 'au-delà de', 'dépassé les'], lt: ['moins de', "moins d'"], approx: ['environ', 'quelque', 'près de', 'presque', 'autour de'] },
    timeUnits: { an: 'year', ans: 'year', année: 'year', années: 'year', mois: 'month', semaine: 'week', semaines: 'week', jour: 'day', jours: 'day', heures: 'hour' },
    linkers: ['de', "d'"],
  },
}
