// The policy editor: a plain textarea with a line gutter; the linter's findings are marked at their line as you type.
const DEBOUNCE_MS = 250;
const LEVEL_ORDER = ['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'];
const STARTER = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject"],
      "Resource": ["acs:oss:*:*:my-bucket/*"]
    }
  ]
}`;

export class PolicyEditor {
  constructor({ textarea, gutter, marks, list, status, lint, policyName, onError }) {
    Object.assign(this, { textarea, gutter, marks, list, status, lint, policyName, onError });
    this.timer = null;
    this.inFlight = null;
    this.findings = [];
    textarea.value = STARTER;
    textarea.addEventListener('input', () => this.changed());
    textarea.addEventListener('scroll', () => this.syncScroll());
    textarea.addEventListener('keydown', (e) => this.indent(e));
    this.render();
  }

  focus() {
    this.textarea.focus();
  }

  changed() {
    this.render();
    this.status.textContent = 'Checking…';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.relint(), DEBOUNCE_MS);
  }

  /** Lints the current text; an answer to an older text is dropped (its request is aborted). */
  async relint() {
    clearTimeout(this.timer);
    if (this.inFlight) this.inFlight.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const answer = await this.lint(this.textarea.value, this.policyName(), controller.signal);
      if (this.inFlight !== controller) return;
      this.findings = answer.findings.slice().sort((a, b) => (a.line || 0) - (b.line || 0)
        || LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
      this.status.replaceChildren(verdict(answer));
      this.status.className = `lint-status ${answer.wouldBeRefused ? 'refused' : 'accepted'}`;
      this.render();
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.status.textContent = 'Could not check the policy.';
      this.onError(e);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  render() {
    const lines = this.textarea.value.split('\n').length;
    const worst = new Map();
    for (const f of this.findings) {
      if (!f.line) continue;
      const known = worst.get(f.line);
      if (!known || LEVEL_ORDER.indexOf(f.level) < LEVEL_ORDER.indexOf(known.level)) worst.set(f.line, f);
    }
    const numbers = [];
    const bars = [];
    for (let n = 1; n <= lines; n++) {
      const finding = worst.get(n);
      const number = document.createElement('div');
      number.textContent = n;
      if (finding) {
        number.className = `marked ${levelClass(finding.level)}`;
        number.title = this.findings.filter((f) => f.line === n).map((f) => `${f.level} ${f.code}: ${f.message}`).join('\n');
        const bar = document.createElement('div');
        bar.className = `bar ${levelClass(finding.level)}`;
        bar.style.top = `calc(${n - 1} * var(--line) + var(--pad))`;
        bar.dataset.line = n;
        bars.push(bar);
      }
      numbers.push(number);
    }
    this.gutter.replaceChildren(...numbers);
    this.marks.replaceChildren(...bars);
    this.list.replaceChildren(...this.findings.map((f) => this.item(f)));
    this.syncScroll();
  }

  item(finding) {
    const li = document.createElement('li');
    li.className = `finding ${levelClass(finding.level)}`;
    const where = document.createElement('button');
    where.type = 'button';
    where.className = 'where';
    where.textContent = finding.line ? `line ${finding.line}` : 'document';
    where.title = finding.path ? `at ${finding.path}` : 'the whole document';
    where.addEventListener('click', () => this.goTo(finding));
    const level = document.createElement('span');
    level.className = 'level';
    level.textContent = finding.level.replace('_', ' ');
    const code = document.createElement('code');
    code.textContent = finding.code;
    const message = document.createElement('div');
    message.className = 'message';
    message.textContent = finding.message;
    li.append(where, ' ', level, ' ', code, message);
    return li;
  }

  /** Puts the caret at the finding, so the keyboard user lands where the fix goes. */
  goTo(finding) {
    if (!finding.line) return;
    const lines = this.textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < finding.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += Math.max(0, (finding.column || 1) - 1);
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
    this.textarea.scrollTop = Math.max(0, (finding.line - 3) * lineHeight);
  }

  syncScroll() {
    this.gutter.scrollTop = this.textarea.scrollTop;
    this.marks.style.transform = `translate(${-this.textarea.scrollLeft}px, ${-this.textarea.scrollTop}px)`;
  }

  /** Tab indents by two spaces instead of leaving the editor; Shift+Tab and Escape-then-Tab still move focus on. */
  indent(e) {
    if (e.key === 'Escape') { this.escaped = true; return; }
    if (e.key !== 'Tab' || e.shiftKey || this.escaped) { this.escaped = false; return; }
    e.preventDefault();
    const { selectionStart: start, selectionEnd: end, value } = this.textarea;
    this.textarea.value = value.slice(0, start) + '  ' + value.slice(end);
    this.textarea.setSelectionRange(start + 2, start + 2);
    this.changed();
  }
}

/** ERROR → level-error: a class of its own, not the page's error banner. */
function levelClass(level) {
  return `level-${level.toLowerCase().replace('_', '-')}`;
}

function verdict(answer) {
  const counts = {};
  for (const f of answer.findings) counts[f.level] = (counts[f.level] || 0) + 1;
  const summary = LEVEL_ORDER.filter((l) => counts[l]).map((l) => `${counts[l]} ${l.replace('_', ' ').toLowerCase()}`).join(', ');
  const span = document.createElement('span');
  if (answer.wouldBeRefused) {
    const code = answer.reason.split(':')[0];
    const strong = document.createElement('strong');
    strong.textContent = `Would be refused (${code})`;
    // the findings below say what to fix; a refusal for another reason (the name rule) says it here
    span.append(strong, code === 'Forbidden' || !summary ? `: ${answer.reason.slice(code.length + 1).trim()}` : `: ${summary}.`);
  } else {
    span.textContent = summary ? `Would be accepted, with ${summary}.` : 'Would be accepted: no findings.';
  }
  return span;
}
