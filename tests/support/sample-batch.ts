import { batchAnswerLine, batchClosingLine, batchOpeningLine } from '../../src-shared/contract/batch-canonical';
import type { BatchHeader, ExportAnswer, PollSnapshot } from '../../src-shared/contract/batch-format';

/** A small seeded generator, so a failing test or a bench row can be made again exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const samplePolls: PollSnapshot[] = [
  {
    id: 'council-feedback',
    version: 1,
    kind: 'smiley',
    standing: true,
    question: { fi: 'Miten viihdyit täällä tänään?', sv: 'Hur trivdes du här i dag?', en: 'How did you like it here today?' },
    options: ['very-bad', 'bad', 'okay', 'good', 'very-good'].map((id) => ({ id, label: { fi: id, en: id } })),
    followUp: {
      comment: true,
      topics: ['premises', 'activities', 'staff', 'families', 'hours', 'other'].map((id) => ({ id, label: { fi: id } })),
    },
  },
  {
    id: 'coffee-corner',
    version: 2,
    kind: 'single',
    standing: false,
    question: { fi: 'Mitä pidät kahvinurkasta?', en: 'What do you think of the coffee corner?' },
    options: [
      { id: 'like', label: { fi: 'Pidän', en: 'I like it' } },
      { id: 'dislike', label: { fi: 'En pidä', en: 'I do not like it' } },
    ],
    followUp: null,
  },
  {
    id: 'spring-trip',
    version: 1,
    kind: 'multi',
    standing: false,
    question: { fi: 'Minne kevätretki?', sv: 'Vart ska vårutflykten gå?' },
    options: ['zoo', 'beach', 'museum', 'forest'].map((id) => ({ id, label: { fi: id } })),
    followUp: null,
  },
];

const words = [
  'kiitos', 'tosi', 'kiva', 'paikka', 'lapset', 'tykkäsivät', 'leikkihuone', 'oli', 'siisti', 'mutta', 'kahvi', 'loppui',
  'aukioloajat', 'voisivat', 'olla', 'pidemmät', 'perjantaisin', 'henkilökunta', 'ystävällistä', 'ja', 'äitien', 'ryhmä',
  'ihana', 'vauvat', 'nukkuivat', 'rattaissa', 'pihalla', 'liukumäki', 'märkä', 'sateella', 'enemmän', 'musiikkia', 'toivoisin',
  'että', 'isille', 'olisi', 'omaa', 'toimintaa', 'lauantaisin', 'kerhossa', 'askarreltiin', 'hyvä', 'meininki', 'öisin',
];

export interface SampleBatchOptions {
  answers: number;
  seed?: number;
  /** Share of answers with a Finnish comment of 20–200 characters. */
  commentShare?: number;
  kioskId?: string;
  site?: string;
  number?: number;
  seqFrom?: number;
  previousHash?: string | null;
}

export interface SampleBatch {
  header: BatchHeader;
  answers: ExportAnswer[];
  canonical: string;
}

/** A realistic batch: mostly smiley taps, some quick-poll answers, comments as parents write them. */
export function sampleBatch(options: SampleBatchOptions): SampleBatch {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('Nothing to pick from');
    return item;
  };
  const commentShare = options.commentShare ?? 0.15;
  const seqFrom = options.seqFrom ?? 1;
  let time = Date.UTC(2026, 10, 2, 9, 0, 0);
  const answers: ExportAnswer[] = [];
  for (let index = 0; index < options.answers; index += 1) {
    time += Math.floor(5_000 + random() * 600_000);
    const roll = random();
    const poll = roll < 0.75 ? samplePolls[0] : roll < 0.9 ? samplePolls[1] : samplePolls[2];
    if (poll === undefined) throw new Error('no poll');
    const optionIds =
      poll.kind === 'multi'
        ? poll.options.filter(() => random() < 0.4).map((option) => option.id)
        : [pick(poll.options).id];
    const hasComment = poll.standing && random() < commentShare / 0.75;
    let comment: string | null = null;
    if (hasComment) {
      const length = 20 + Math.floor(random() * 181);
      let text = pick(words);
      while (text.length < length) text += ` ${pick(words)}`;
      comment = `${text.slice(0, length - 1).trimEnd()}.`;
    }
    const topics = poll.standing && random() < 0.3 ? [pick(poll.followUp?.topics ?? []).id] : [];
    answers.push({
      seq: seqFrom + index,
      id: uuidFrom(random),
      pollId: poll.id,
      pollVersion: poll.version,
      answer: { optionIds },
      language: random() < 0.8 ? 'fi' : random() < 0.5 ? 'sv' : 'en',
      answeredAt: `${new Date(time).toISOString().slice(0, 23)}+02:00`,
      flags: random() < 0.02 ? ['burst'] : [],
      topics,
      comment,
      masked: [],
    });
  }
  const header: BatchHeader = {
    kioskId: options.kioskId ?? 'K-7F3A-19C2',
    site: options.site ?? 'Perheiden piha, Kemi',
    number: options.number ?? 1,
    previousHash: options.previousHash ?? null,
    createdAt: `${new Date(time + 60_000).toISOString().slice(0, 23)}+02:00`,
    seqFrom,
    seqTo: seqFrom + options.answers - 1,
    count: options.answers,
    sealedBy: '0.1.0',
  };
  const lines = [batchOpeningLine(header, samplePolls), ...answers.map((answer, index) => batchAnswerLine(answer, index === answers.length - 1)), batchClosingLine];
  return { header, answers, canonical: lines.join('') };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ['8', '9', 'a', 'b'][Math.floor(random() * 4)] ?? '8';
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
