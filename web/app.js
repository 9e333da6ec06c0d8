// The reference self-service page: plain DOM, one module per concern, no framework.
import { ApiError, enc, get, localCallers, post, setToken, takeTokenFromFragment, token } from './api.js';
import { PolicyEditor } from './editor.js';

const $ = (id) => document.getElementById(id);
const OTHER_TOKEN = '__other__';

/** An element with text children only (never HTML from the API). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child != null) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// ---- errors: the API's code and message, as it gave them ----
function showError(error) {
  const box = $('error');
  box.replaceChildren();
  if (!(error instanceof ApiError)) {
    box.append(h('strong', {}, 'Unexpected: '), String(error));
  } else {
    box.append(h('strong', { class: 'code' }, `${error.status || ''} ${error.code}`.trim()), ' ', error.message);
    const details = error.details.filter((d) => d.reason || d.message);
    if (details.length) {
      box.append(h('ul', {}, details.map((d) => h('li', {}, d.field ? `${d.field}: ${d.reason}` : `${d.level || ''} ${d.code || ''} ${d.message || d.reason}`))));
    }
    if (error.requestId) box.append(h('div', { class: 'muted' }, `request ${error.requestId}`));
  }
  box.append(h('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss', onclick: clearError }, '×'));
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
}

/** Runs an action, showing its failure; returns its value or undefined. */
async function attempt(action) {
  clearError();
  try {
    return await action();
  } catch (e) {
    if (e.name !== 'AbortError') showError(e);
    return undefined;
  }
}

const region = () => $('region').value.trim() || 'cn-hangzhou';

// ---- who is calling ----
async function setUpCaller() {
  takeTokenFromFragment();
  const callers = await localCallers();
  state.callers = callers;
  const select = $('caller');
  for (const c of callers) select.append(h('option', { value: c.token }, `${c.callerId} · ${c.callerTeam}`));
  select.append(h('option', { value: OTHER_TOKEN }, 'Other token…'));
  const known = callers.find((c) => c.token === token());
  if (known) select.value = known.token;
  else if (!token() && callers.length) {
    const team = callers.find((c) => !c.callerTeam.startsWith('platform')) || callers[0];
    select.value = team.token;
    setToken(team.token);
  } else select.value = OTHER_TOKEN;
  $('token').value = known ? '' : token();
  select.addEventListener('change', () => {
    if (select.value !== OTHER_TOKEN) setToken(select.value);
    else setToken($('token').value.trim());
    showTokenField();
    refreshAll();
  });
  $('token').addEventListener('change', () => { setToken($('token').value.trim()); refreshAll(); });
  $('region').addEventListener('change', refreshAll);
  $('who').addEventListener('submit', (e) => e.preventDefault());
  showTokenField();
}

function showTokenField() {
  $('token-label').hidden = $('caller').value !== OTHER_TOKEN;
  const caller = state.callers?.find((c) => c.token === token());
  $('team').textContent = caller ? `Team: ${caller.callerTeam}` : '';
  const prefix = caller ? `${caller.callerTeam}-` : '';
  $('name-hint').textContent = `${prefix || '<team>-'}web`;
  if (prefix && !$('new-role-name').value) $('new-role-name').placeholder = `${prefix}web`;
  if (prefix && !$('policy-name').value) $('policy-name').placeholder = `${prefix}read-logs`;
}

const state = { callers: [], roles: [], rolesMarker: null, selectedRole: null, instances: [], instancesMarker: null };

// ---- views ----
function showView() {
  const name = (location.hash.replace('#', '') || 'roles').split('&')[0];
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.dataset.view !== name;
  for (const link of document.querySelectorAll('nav a')) link.toggleAttribute('aria-current', link.hash === `#${name}`);
  if (name === 'policy') editor.focus();
}

// ---- roles ----
async function loadRoles(more = false) {
  const marker = more ? state.rolesMarker : null;
  const page = await attempt(() => get(`/v1/roles?limit=50${marker ? `&marker=${enc(marker)}` : ''}`));
  if (!page) return;
  state.roles = more ? state.roles.concat(page.roles) : page.roles;
  state.rolesMarker = page.nextMarker || null;
  renderRoles();
  const linked = location.hash.match(/&role=([^&]+)/); // a role's link, opened anew or bookmarked
  if (!more && linked && !state.selectedRole) selectRole(decodeURIComponent(linked[1]));
}

function renderRoles() {
  const body = $('roles-table').tBodies[0];
  body.replaceChildren(...state.roles.map((role) => h('tr', { class: role.roleName === state.selectedRole ? 'selected' : '' },
    h('td', {}, h('a', { href: `#roles&role=${enc(role.roleName)}`, onclick: (e) => {
      e.preventDefault();
      history.replaceState(null, '', `#roles&role=${enc(role.roleName)}`);
      selectRole(role.roleName);
    } }, role.roleName)),
    h('td', {}, role.description || ''),
    h('td', { class: 'muted' }, (role.createDate || '').slice(0, 10)))));
  $('roles-empty').hidden = state.roles.length > 0;
  $('roles-more').hidden = !state.rolesMarker;
  const names = state.roles.map((r) => r.roleName);
  fillSelect($('policy-role'), names, '(none)');
  fillSelect($('batch-role'), names);
  fillSelect($('batch-expected'), names, '(any)');
  const grantRoles = $('grant-roles');
  const checked = new Set([...grantRoles.querySelectorAll('input:checked')].map((i) => i.value));
  grantRoles.replaceChildren(...names.map((n) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: n, checked: checked.has(n) }), ` ${n}`)));
  if (!names.length) grantRoles.append(h('span', { class: 'muted' }, 'No roles yet.'));
}

function fillSelect(select, names, none) {
  const current = select.value;
  select.replaceChildren(...(none ? [h('option', { value: '' }, none)] : []), ...names.map((n) => h('option', { value: n }, n)));
  if (names.includes(current)) select.value = current;
}

async function selectRole(roleName) {
  state.selectedRole = roleName;
  renderRoles();
  $('detail-title').textContent = roleName;
  $('detail-hint').hidden = true;
  $('detail-body').hidden = false;
  await Promise.all([loadRolePolicies(roleName), loadRoleInstances(roleName)]);
}

async function loadRolePolicies(roleName) {
  const answer = await attempt(() => get(`/v1/roles/${enc(roleName)}`));
  if (!answer || state.selectedRole !== roleName) return;
  $('detail-policies').replaceChildren(...answer.policies.map((p) => h('li', {}, h('span', { class: `tag ${p.policyType.toLowerCase()}` }, p.policyType), ' ', p.policyName)));
  if (!answer.policies.length) $('detail-policies').append(h('li', { class: 'muted' }, 'No policy attached: the role can do nothing yet.'));
}

async function loadRoleInstances(roleName) {
  const answer = await attempt(() => get(`/v1/roles/${enc(roleName)}/instances?regionId=${enc(region())}&limit=100`));
  if (!answer || state.selectedRole !== roleName) return;
  $('detail-instances').tBodies[0].replaceChildren(...answer.instances.map((i) => h('tr', {},
    h('td', { class: 'mono' }, i.instanceId), h('td', {}, i.instanceName || ''), h('td', {}, i.status))));
  $('detail-no-instances').hidden = answer.instances.length > 0;
  $('detail-instances').hidden = answer.instances.length === 0;
}

async function createRole(event) {
  event.preventDefault();
  const roleName = $('new-role-name').value.trim();
  const description = $('new-role-description').value.trim();
  const answer = await attempt(() => post('/v1/roles', { roleName, ...(description ? { description } : {}) }));
  if (!answer) return;
  $('create-role-result').textContent = `${answer.role.roleName}: ${answer.status}`;
  $('new-role-name').value = '';
  $('new-role-description').value = '';
  await loadRoles();
  await selectRole(answer.role.roleName);
}

async function attachPolicy(event) {
  event.preventDefault();
  const roleName = state.selectedRole;
  const answer = await attempt(() => post(`/v1/roles/${enc(roleName)}/policy-attachments`,
    { policyName: $('attach-name').value.trim(), policyType: $('attach-type').value }));
  if (!answer) return;
  $('attach-result').textContent = `${answer.policyName}: ${answer.status}`;
  $('attach-name').value = '';
  await loadRolePolicies(roleName);
}

/** The team's custom policies: named in the editor's view and offered when attaching a policy. */
async function loadPolicies() {
  const page = await attempt(() => get('/v1/policies?limit=100'));
  if (!page) return;
  const names = page.policies.map((p) => p.policyName);
  $('policy-names').textContent = names.length ? page.policies.map((p) => `${p.policyName} (${p.defaultVersion})`).join(', ')
    + (page.nextMarker ? ', …' : '') : 'none yet';
  $('custom-policy-names').replaceChildren(...names.map((n) => h('option', { value: n })));
}

// ---- policy editor ----
const editor = new PolicyEditor({
  textarea: $('policy-text'), gutter: $('gutter'), marks: $('marks'), list: $('findings'), status: $('lint-status'),
  lint: (document, policyName, signal) => post('/v1/policy-lint', { document, ...(policyName ? { policyName } : {}) }, signal),
  policyName: () => $('policy-name').value.trim(),
  onError: showError,
});

async function createPolicy(event) {
  event.preventDefault();
  const role = $('policy-role').value;
  const answer = await attempt(() => post('/v1/policies', {
    policyName: $('policy-name').value.trim(), document: $('policy-text').value, ...(role ? { attachToRoles: [role] } : {}),
  }));
  if (!answer) return;
  const attached = answer.attachments.map((a) => `${a.roleName} ${a.status}`).join(', ');
  $('policy-result').textContent = `${answer.policy.policyName} ${answer.status} (${answer.policy.defaultVersion})${attached ? `; ${attached}` : ''}`;
  loadPolicies();
  if (role && state.selectedRole === role) loadRolePolicies(role);
}

// ---- bind, unbind, replace ----
async function loadInstances(more = false) {
  const marker = more ? state.instancesMarker : null;
  const page = await attempt(() => get(`/v1/instances?regionId=${enc(region())}&limit=100${marker ? `&marker=${enc(marker)}` : ''}`));
  if (!page) return;
  state.instances = more ? state.instances.concat(page.instances) : page.instances;
  state.instancesMarker = page.nextMarker || null;
  const body = $('instances-table').tBodies[0];
  const checked = new Set([...body.querySelectorAll('input:checked')].map((i) => i.value));
  body.replaceChildren(...state.instances.map((i) => h('tr', {},
    h('td', {}, h('input', { type: 'checkbox', value: i.instanceId, checked: checked.has(i.instanceId), 'aria-label': `Select ${i.instanceId}` })),
    h('td', { class: 'mono' }, i.instanceId), h('td', {}, i.instanceName || ''), h('td', {}, i.networkType), h('td', {}, i.status),
    h('td', {}, i.roleName || h('span', { class: 'muted' }, 'none')))));
  if (!state.instances.length) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No instance tagged for your team in this region.')));
  $('instances-more').hidden = !state.instancesMarker;
}

function selectedInstanceIds() {
  const checked = [...$('instances-table').tBodies[0].querySelectorAll('input:checked')].map((i) => i.value);
  const typed = $('batch-ids').value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return [...new Set([...checked, ...typed])];
}

function batchRequest() {
  const action = $('batch-action').value;
  const body = { regionId: region(), instanceIds: selectedInstanceIds() };
  if (action !== 'unbind' || $('batch-role').value) body.roleName = $('batch-role').value;
  if (action === 'replace' && $('batch-expected').value) body.expectedCurrentRoleName = $('batch-expected').value;
  const path = { bind: '/v1/role-bindings', unbind: '/v1/role-bindings/unbind', replace: '/v1/role-bindings/replace' }[action];
  return { action, path, body };
}

function batchAction() {
  const action = $('batch-action').value;
  $('batch-expected-label').hidden = action !== 'replace';
}

/**
 * The dry run's per-item results first, then a Confirm button that runs the same request for real.
 * {@code request} is fixed when previewing, so what is confirmed is exactly what was shown.
 */
async function previewThenConfirm(box, title, path, body, render, wouldChange, after) {
  const preview = await attempt(() => post(path, { ...body, dryRun: true }));
  if (!preview) { box.hidden = true; return; }
  const cancel = h('button', { type: 'button' }, wouldChange(preview) ? 'Cancel' : 'Close');
  if (!wouldChange(preview)) {
    box.replaceChildren(h('h3', {}, 'Dry run: nothing would change'), render(preview), h('div', { class: 'actions' }, cancel));
    box.hidden = false;
    cancel.focus();
    cancel.addEventListener('click', () => { box.hidden = true; });
    return;
  }
  const confirm = h('button', { type: 'button', class: 'primary' }, `Confirm: ${title}`);
  box.replaceChildren(h('h3', {}, 'Dry run: nothing changed yet'), render(preview), h('div', { class: 'actions' }, confirm, ' ', cancel));
  box.hidden = false;
  confirm.focus();
  cancel.addEventListener('click', () => { box.hidden = true; });
  box.onkeydown = (e) => { if (e.key === 'Escape') box.hidden = true; };
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const done = await attempt(() => post(path, body));
    if (!done) { confirm.disabled = false; return; }
    box.replaceChildren(h('h3', {}, 'Done'), render(done));
    if (after) after();
  });
}

/** A dry run's statuses are what a real run would do. */
const ifConfirmed = (answer) => (answer.dryRun ? 'if confirmed, ' : '');

function renderBatch(answer) {
  const counts = Object.entries(answer.summary || {}).map(([status, n]) => `${n} ${status}`).join(', ');
  return h('div', {},
    h('p', {}, `${answer.roleName ? `Role ${answer.roleName}, ` : ''}region ${answer.regionId}: ${ifConfirmed(answer)}${counts}`),
    h('table', { class: 'list results' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Instance'), h('th', {}, 'Result'), h('th', {}, 'Code'), h('th', {}, 'Message'))),
      h('tbody', {}, answer.results.map((r) => h('tr', { class: `status-${r.status}` },
        h('td', { class: 'mono' }, r.instanceId), h('td', {}, r.status + (r.previousRoleName ? ` (was ${r.previousRoleName})` : '')),
        h('td', { class: 'code' }, r.code || ''), h('td', {}, r.message || ''))))));
}

async function previewBatch(event) {
  event.preventDefault();
  const { action, path, body } = batchRequest();
  const what = `${action} ${body.instanceIds.length} instance${body.instanceIds.length === 1 ? '' : 's'}`;
  const changes = (answer) => answer.results.some((r) => !['failed', 'unchanged', 'skipped'].includes(r.status));
  await previewThenConfirm($('batch-preview'), what, path, body, renderBatch, changes, () => {
    loadInstances();
    if (state.selectedRole) loadRoleInstances(state.selectedRole);
  });
}

// ---- PassRole ----
async function previewGrant(event) {
  event.preventDefault();
  const roleNames = [...$('grant-roles').querySelectorAll('input:checked')].map((i) => i.value);
  const body = { userName: $('grant-user').value.trim(), roleNames, includeEcsActions: $('grant-ecs').checked };
  const what = `let ${body.userName} pass ${roleNames.length === 1 ? roleNames[0] : `${roleNames.length} roles`}`;
  await previewThenConfirm($('grant-preview'), what, '/v1/pass-role-grants', body,
    (answer) => h('div', {},
      h('p', {}, `${ifConfirmed(answer)}policy ${answer.policyName} of ${answer.userName} ${answer.status}, passing ${answer.grantedRoles.join(', ')}`),
      h('pre', { class: 'document' }, JSON.stringify(answer.document, null, 2))),
    (answer) => answer.status !== 'unchanged');
}

// ---- wiring ----
function refreshAll() {
  state.selectedRole = null;
  $('detail-title').textContent = 'Select a role';
  $('detail-hint').hidden = false;
  $('detail-body').hidden = true;
  if (!token()) {
    showError(new ApiError(401, { code: 'Unauthenticated', message: 'pick a caller or paste your API token above' }));
    return;
  }
  loadRoles();
  loadPolicies();
  loadInstances();
  editor.relint();
}

$('create-role').addEventListener('submit', createRole);
$('attach-policy').addEventListener('submit', attachPolicy);
$('attach-name').addEventListener('input', () => {
  const custom = [...$('custom-policy-names').options].some((o) => o.value.toLowerCase() === $('attach-name').value.trim().toLowerCase());
  $('attach-type').value = custom ? 'Custom' : 'System';
});
$('roles-more').addEventListener('click', () => loadRoles(true));
$('policy-form').addEventListener('submit', createPolicy);
$('policy-text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('policy-form').requestSubmit();
});
$('policy-name').addEventListener('change', () => editor.relint());
$('batch-form').addEventListener('submit', previewBatch);
$('batch-action').addEventListener('change', batchAction);
$('instances-more').addEventListener('click', () => loadInstances(true));
$('instances-all').addEventListener('change', (e) => {
  for (const box of $('instances-table').tBodies[0].querySelectorAll('input[type=checkbox]')) box.checked = e.target.checked;
});
$('grant-form').addEventListener('submit', previewGrant);
window.addEventListener('hashchange', showView);

await setUpCaller();
showView();
refreshAll();
