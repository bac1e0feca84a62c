/**
 * Titles for generated spaces: realistic words, the special characters that
 * break naive exporters, and duplicate titles under different parents.
 * Titles stay unique among siblings, compared case-insensitively.
 */
import type { Random } from '../random.js';
import type { ShapeNode } from './shape.js';

/**
 * Titles that every generated space of 40 or more nodes contains once each:
 * path separators, markup, CSV formula starters, typographic quotes, non-Latin
 * scripts and emoji.
 */
export const SPECIAL_TITLES: readonly string[] = [
  'Sales/Marketing',
  'Q&A <draft>',
  '"Quoted" title',
  '=SUM(A1)',
  '+1 ideas',
  '-minus',
  '@mention',
  '(Parenthesis)',
  'Team’s “best” practices',
  'Überblick',
  '日本語の設計',
  '🚀 Launch plan',
  'What? Why & how',
  '100% done',
  '#general channel notes',
  'C:\\Temp\\paths',
  'Ελληνικά & Русский',
];

/** Title repeated under several different parents. */
export const DUPLICATED_TITLE = 'Meeting notes';
const DUPLICATE_COUNT = 4;
const SPECIALS_MIN_NODES = 40;

const TOPICS = [
  'Onboarding guide', 'Architecture overview', 'Release notes', 'Roadmap', 'Retrospective',
  'How-to articles', 'Troubleshooting', 'Design decisions', 'Requirements', 'Runbook',
  'Incident report', 'Team charter', 'API guidelines', 'Test plan', 'Budget',
  'Hiring plan', 'OKRs', 'Customer feedback', 'Glossary', 'FAQ',
  'Style guide', 'Security review', 'Deployment checklist', 'Postmortem', 'Vendor evaluation',
  'Data model', 'Service catalogue', 'Access requests', 'Migration plan', 'Capacity planning',
  'Support rota', 'Product brief', 'Competitive analysis', 'User research', 'Brand assets',
  'Travel policy', 'Sprint planning', 'Backlog refinement', 'Code review checklist', 'Monitoring and alerts',
  'Disaster recovery', 'Release checklist', 'Known issues', 'Integration notes', 'Feature flags',
  'Pricing', 'Partner programme', 'Training material', 'Office information', 'Decision log',
];

const QUALIFIERS = [
  'Backend', 'Frontend', 'Mobile', 'Platform', 'Payments', 'Search', 'Identity', 'Billing',
  'EMEA', 'APAC', 'Q1 2024', 'Q3 2023', '2022', 'v2', 'Legacy', 'Internal', 'Customer',
  'Team Atlas', 'Project Nova', 'Sprint 14', 'Phase 2', 'Pilot', 'Zürich office', 'São Paulo',
];

const FOLDER_TITLES = ['Shared resources', 'Archive 2022', 'Working drafts', 'Team folders', 'Templates'];

function makeTopicTitle(random: Random): string {
  const topic = random.pick(TOPICS);
  const qualifier = random.pick(QUALIFIERS);
  const pattern = random.int(0, 9);
  if (pattern < 3) {
    return topic;
  }
  if (pattern < 7) {
    return `${qualifier} ${topic.charAt(0).toLowerCase()}${topic.slice(1)}`;
  }
  if (pattern < 9) {
    return `${topic} – ${qualifier}`;
  }
  return `${topic}: ${qualifier}`;
}

/** Returns `YYYY-MM-DD` of the n-th working day after 2019-01-01. */
function workingDay(n: number): string {
  const date = new Date(Date.UTC(2019, 0, 1));
  let remaining = n;
  while (remaining > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      remaining--;
    }
  }
  return date.toISOString().slice(0, 10);
}

class SiblingTitles {
  private readonly used = new Map<number | null, Set<string>>();

  has(parent: number | null, title: string): boolean {
    return this.used.get(parent)?.has(title.toLowerCase()) ?? false;
  }

  add(parent: number | null, title: string): void {
    let titles = this.used.get(parent);
    if (!titles) {
      titles = new Set();
      this.used.set(parent, titles);
    }
    titles.add(title.toLowerCase());
  }
}

/** Returns one title per shape node, by index. */
export function assignTitles(nodes: readonly ShapeNode[], spaceName: string, random: Random): string[] {
  const titles = new Array<string | undefined>(nodes.length);
  const siblings = new SiblingTitles();
  const assign = (node: ShapeNode, title: string): void => {
    titles[node.index] = title;
    siblings.add(node.parent, title);
  };

  // Fixed titles for the nodes whose role defines them.
  let meetingDay = 1;
  for (const node of nodes) {
    if (node.role === 'home') {
      assign(node, `${spaceName} Home`);
    } else if (node.role === 'meeting-hub') {
      assign(node, 'Team meetings');
    } else if (node.role === 'meeting') {
      assign(node, `${workingDay(meetingDay++)} ${DUPLICATED_TITLE}`);
    } else if (node.role === 'whiteboard') {
      assign(node, 'Architecture whiteboard');
    } else if (node.role === 'database') {
      assign(node, 'Risk register');
    } else if (node.role === 'embed') {
      assign(node, 'Figma design board');
    }
  }

  const open = random.shuffle(nodes.filter((node) => titles[node.index] === undefined));

  if (nodes.length >= SPECIALS_MIN_NODES) {
    for (const special of SPECIAL_TITLES) {
      const node = open.find((candidate) => titles[candidate.index] === undefined && candidate.type === 'page');
      if (node) {
        assign(node, special);
      }
    }

    const parentsWithDuplicate = new Set<number | null>();
    for (const node of open) {
      if (parentsWithDuplicate.size >= DUPLICATE_COUNT) {
        break;
      }
      if (titles[node.index] === undefined && node.type === 'page' && !parentsWithDuplicate.has(node.parent)) {
        assign(node, DUPLICATED_TITLE);
        parentsWithDuplicate.add(node.parent);
      }
    }
  }

  for (const node of open) {
    if (titles[node.index] !== undefined) {
      continue;
    }
    const propose = (): string => (node.type === 'folder' ? random.pick(FOLDER_TITLES) : makeTopicTitle(random));
    let title = propose();
    for (let attempt = 0; attempt < 8 && siblings.has(node.parent, title); attempt++) {
      title = propose();
    }
    const base = title;
    for (let suffix = 2; siblings.has(node.parent, title); suffix++) {
      title = `${base} (${suffix})`;
    }
    assign(node, title);
  }

  return titles.map((title) => title ?? 'Untitled');
}
