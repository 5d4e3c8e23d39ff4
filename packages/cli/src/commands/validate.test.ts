// `motcua validate` through main() and, once, through the bin in a child process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';
import { SOURCE_NODE_ARGS } from '@motcua/test/node-args';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/motcua.js', import.meta.url));
const examplesDir = join(root, 'examples/procedures');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(examplesDir, f));
const birthText = readFileSync(join(examplesDir, '1.001193-dang-ky-khai-sinh.json'), 'utf8');

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** The birth registration example with one change. */
const variant = (name: string, change: (p: Record<string, any>) => void) => {
  const p = JSON.parse(birthText);
  change(p);
  return file(name, JSON.stringify(p, null, 2));
};

before(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-validate-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua validate', () => {
  test('the examples are valid: exit 0', async () => {
    assert.ok(examples.length >= 3);
    const r = await run(...examples);
    assert.equal(r.code, 0, r.stdout);
    for (const f of examples) assert.ok(r.stdout.includes(`${f}: hợp lệ / valid`));
    assert.match(r.stdout, new RegExp(`${examples.length} tệp hợp lệ`));
  });

  test('an applicant pointer to a missing field: file, line:column, pointer, both languages, exit 1', async () => {
    const bad = variant('bad-applicant.json', (p) => (p.applicant.person.fullName = '/requester/hoTen'));
    const r = await run(bad);
    assert.equal(r.code, 1);
    const text = readFileSync(bad, 'utf8').split('\n');
    const expectedLine = text.findIndex((l) => l.includes('"/requester/hoTen"')) + 1;
    const expectedColumn = text[expectedLine - 1]!.indexOf('"fullName"') + 1;
    assert.ok(
      r.stdout.includes(`${bad}:${expectedLine}:${expectedColumn} /applicant/person/fullName [unknown-field]\n`),
      r.stdout,
    );
    assert.ok(
      r.stdout.includes(
        'Trường "/requester/hoTen" không có trong lược đồ tờ khai (form.schema) / Field "/requester/hoTen" is not declared in the form schema (form.schema)',
      ),
    );
    assert.match(r.stdout, /1\/1 tệp có lỗi \(1 lỗi\) \/ 1 of 1 file\(s\) invalid \(1 error\(s\)\)/);
  });

  test('a next step that does not exist', async () => {
    const bad = variant('bad-next.json', (p) => (p.workflow.steps[0].next[0].step = 'ky-so'));
    const r = await run(bad);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /bad-next\.json:\d+:\d+ \/workflow\/steps\/0\/next\/0\/step \[unknown-step\]\n {4}Bước tiếp theo "ky-so" không tồn tại \/ Next step "ky-so" does not exist\n/,
    );
  });

  test('a missing required property is shown at its parent', async () => {
    const bad = variant('bad-missing.json', (p) => delete p.deadline.cutoff);
    const r = await run(bad);
    assert.equal(r.code, 1);
    const lines = readFileSync(bad, 'utf8').split('\n');
    const deadlineLine = lines.findIndex((l) => l.includes('"deadline"')) + 1;
    assert.match(r.stdout, new RegExp(`bad-missing\\.json:${deadlineLine}:\\d+ /deadline/cutoff \\[required\\]`));
  });

  test('an element no renderer renders: its pointer, line and column, what the applicant would see, exit 1', async () => {
    const bad = variant('unrenderable.json', (p) => {
      p.form.schema.properties.note = { title: 'Ghi chú / Note', type: 'null' };
      p.form.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/note' });
    });
    const r = await run(bad);
    assert.equal(r.code, 1, r.stdout);
    const lines = readFileSync(bad, 'utf8').split('\n');
    const scopeLine = lines.findIndex((l) => l.includes('"scope": "#/properties/note"'));
    let open = scopeLine;
    while (lines[open]!.trim() !== '{') open--;
    const pointer = '/form/uischema/elements/0/elements/4';
    assert.ok(
      r.stdout.includes(`${bad}:${open + 1}:${lines[open]!.indexOf('{') + 1} ${pointer} [no-renderer]\n`),
      r.stdout,
    );
    assert.match(
      r.stdout,
      /Phần tử Control "#\/properties\/note" \(lược đồ: kiểu null\) không có bộ hiển thị nào: .*không hỗ trợ/,
    );
    assert.match(r.stdout, /has no renderer: the applicant would see an "unsupported" box/);
    assert.match(r.stdout, /1\/1 tệp có lỗi \(1 lỗi\)/);
  });

  test('valid and invalid files together: each reported, exit 1', async () => {
    const bad = variant('bad-two.json', (p) => {
      p.code = 'KS';
      p.documents[2].minFiles = 5;
    });
    const r = await run(examples[0]!, bad);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes(`${examples[0]}: hợp lệ / valid`));
    assert.match(r.stdout, /\/code \[national-code\]/);
    assert.match(r.stdout, /\/documents\/2\/minFiles \[min-files-exceed-max\]/);
    assert.match(r.stdout, /1\/2 tệp có lỗi \(2 lỗi\)/);
  });

  test('JSON syntax errors give the line and column', async () => {
    const cases: [string, string, number, number, RegExp][] = [
      ['trailing-comma.json', '{\n  "code": "1.001193",\n}\n', 3, 1, /dấu phẩy thừa/],
      ['missing-comma.json', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /thiếu dấu phẩy/],
      ['unterminated.json', '{\n  "a": [1, 2', 2, 13, /thiếu dấu ]/],
      ['bad-token.json', '{ "a": tru }', 1, 8, /ký tự không hợp lệ|thiếu giá trị/],
      ['empty.json', '', 1, 1, /thiếu giá trị/],
      ['comment.json', '{ // note\n "a": 1 }', 1, 3, /chú thích/],
    ];
    for (const [name, content, line, column, message] of cases) {
      const path = file(name, content);
      const r = await run(path);
      assert.equal(r.code, 1, name);
      assert.ok(
        r.stdout.startsWith(`${path}:${line}:${column} [json-syntax]\n    Lỗi cú pháp JSON: `),
        `${name}: ${r.stdout}`,
      );
      assert.match(r.stdout, message, name);
      assert.match(r.stdout, /JSON syntax error: /);
    }
  });

  test('a byte-order mark is accepted', async () => {
    const r = await run(file('bom.json', '\ufeff' + birthText));
    assert.equal(r.code, 0, r.stdout);
  });

  test('unreadable files', async () => {
    const missing = join(dir, 'nope.json');
    let r = await run(missing);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.startsWith(`${missing} [unreadable]\n    Không tìm thấy tệp / File not found\n`), r.stdout);
    r = await run(dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Đây là thư mục, không phải tệp \/ This is a directory, not a file/);
  });

  test('a JSON value that is not a definition', async () => {
    const r = await run(file('array.json', '[1, 2]'));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /array\.json:1:1 \(gốc \/ root\) \[type\]/);
  });

  test('no files, or an unknown option: exit 2 with the usage', async () => {
    let r = await run();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Chưa chỉ định tệp \/ no files given/);
    assert.match(r.stderr, /motcua validate \[--json\]/);
    r = await run('--strict', examples[0]!);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option: --strict/);
    r = await run('--help');
    assert.equal(r.code, 0);
  });

  test('--json prints machine-readable results', async () => {
    const bad = variant('bad-json.json', (p) => (p.applicant.person.phone = '/phone'));
    const r = await run('--json', examples[0]!, bad);
    assert.equal(r.code, 1);
    const results = JSON.parse(r.stdout);
    assert.deepEqual(results[0], { file: examples[0], valid: true, issues: [] });
    assert.equal(results[1].valid, false);
    assert.deepEqual(
      results[1].issues.map((i: { pointer: string; code: string }) => [i.pointer, i.code]),
      [['/applicant/person/phone', 'unknown-field']],
    );
    assert.ok(results[1].issues[0].line > 1 && results[1].issues[0].column > 1);
  });

  test('through the bin (npx motcua validate), from the repository root', () => {
    const ok = spawnSync(
      process.execPath,
      [...SOURCE_NODE_ARGS, bin, 'validate', ...examples.map((f) => f.slice(root.length))],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const bad = variant('bad-bin.json', (p) => (p.workflow.start = 'tiep-nhan'));
    const ko = spawnSync(process.execPath, [...SOURCE_NODE_ARGS, bin, 'validate', bad], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(ko.status, 1);
    assert.match(ko.stdout, /\/workflow\/start \[unknown-step\]/);
    const none = spawnSync(process.execPath, [...SOURCE_NODE_ARGS, bin, 'validate'], { cwd: root, encoding: 'utf8' });
    assert.equal(none.status, 2);
  });
});
