// `corpus lint --format github`: GitHub Actions workflow commands, one per problem
// (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which
// the runner shows as annotations on the pull request's lines. Data and properties
// are escaped as the runner expects (% CR LF in both, and : , in properties).

import type { Severity } from '../index';
import type { CliIo } from './io';
import { Counts, Problem, Reporter, summaryLine } from './formats';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export class GitHubReporter implements Reporter {
  private file = '';
  constructor(private readonly io: CliIo) {}

  async beginFile(display: string): Promise<void> {
    // Annotations need paths relative to the repository root: run the command from there.
    this.file = display.split('\\').join('/');
  }

  async problem(p: Problem): Promise<void> {
    if (p.suppressed) return; // an annotation cannot say "suppressed": audits use the other formats
    const r = p.range;
    const props = [
      `file=${escapeProperty(this.file)}`,
      `line=${r.start.line + 1}`,
      `col=${r.start.character + 1}`,
      `endLine=${r.end.line + 1}`,
      `endColumn=${r.end.character + 1}`,
      `title=${escapeProperty(`corpus ${p.code}`)}`,
    ];
    await this.io.stdout.write(`::${COMMAND[p.severity]} ${props.join(',')}::${escapeData(p.message)}\n`);
  }

  async endFile(): Promise<void> {
    // Nothing per file.
  }

  async failure(message: string): Promise<void> {
    await this.io.stdout.write(`::error title=corpus::${escapeData(message)}\n`);
    await this.io.stderr.write(`corpus: ${message}\n`);
  }

  async finish(counts: Counts): Promise<void> {
    await this.io.stdout.write(`${summaryLine(counts)}\n`);
  }
}
