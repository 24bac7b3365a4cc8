'use strict';
// QualityHub portal: lists the reports the signed-in person may read and downloads one through the
// report-access function (which records the access first) and a short-lived signed URL.
// Locally (./qualityhub portal) a sign-in page issues demo tokens; on AWS, Cognito's Hosted UI with
// the authorization-code flow and PKCE. No framework, no build step.

const TEXT = {
  'zh-Hant': {
    title: '品質報告入口', signIn: '登入', signOut: '登出', signInTitle: '登入', user: '使用者',
    localSignInHint: '本機示範：選擇一位示範使用者。', reportsTitle: '可閱讀的報告', noReports: '目前沒有您可閱讀的報告。',
    report: '報告', period: '期間', scope: '範圍', generatedAt: '產生時間', download: '下載', company: '全公司',
    openById: '以報告編號開啟', reportId: '報告編號', open: '開啟', switchTo: 'English',
    footer: '每次下載都會先記錄於稽核軌跡；下載連結五分鐘內有效。',
    signedInAs: (who, groups) => `登入身分：${who}（${groups}）`,
    downloading: (id, format) => `正在下載 ${id}（${format}）…`,
    denied: (id, format) => `無法下載 ${id}（${format}）：您沒有閱讀此報告的權限，或報告不存在。此次請求已記錄於稽核軌跡。`,
    expired: '登入已逾時，請重新登入。', failed: (status) => `系統暫時無法處理（HTTP ${status}），請稍後再試或聯絡品質管理部。`,
    signInFailed: '登入失敗，請再試一次。',
    tasksTitle: '抽查樣本與任務清單', tasksHint: '只列出紀錄編號、抽查原因與到期日，不含客戶個人資料。',
    periodLabel: '期間（月 2026-11 或週 2026-W47）', showTasks: '查看', task: '任務', team: '小組', recordType: '紀錄類型',
    branch: '分公司', recordId: '紀錄編號', reasons: '抽查原因', dueOn: '到期日',
    tasksSummary: (period, plan, count, population) => `${period}：抽查計畫 ${plan}，自 ${population} 筆中抽出 ${count} 筆。`,
    noSample: (period) => `${period} 尚未抽樣。`, tasksDenied: '抽查樣本僅供品質管理部閱讀。',
    lookupTitle: '客戶查詢', lookupHint: '以身分證字號或電話號碼查詢一位客戶的所有紀錄；每次查詢都會記錄於稽核軌跡（不含所查的號碼）。',
    lookupBy: '查詢依據', idNo: '身分證字號', phone: '電話號碼', lookupValue: '號碼', lookup: '查詢', recordDate: '日期', recordStatus: '狀態', customerName: '客戶姓名',
    lookupDenied: '客戶查詢僅限品質管理部使用。此次請求已記錄於稽核軌跡。', lookupNone: '查無此號碼的紀錄。',
    lookupFound: (count) => `共 ${count} 筆紀錄。`,
  },
  en: {
    title: 'Quality reports portal', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in', user: 'User',
    localSignInHint: 'Local demo: choose a demo user.', reportsTitle: 'Reports you may read', noReports: 'There are no reports you may read yet.',
    report: 'Report', period: 'Period', scope: 'Scope', generatedAt: 'Generated', download: 'Download', company: 'Company',
    openById: 'Open a report by its id', reportId: 'Report id', open: 'Open', switchTo: '中文',
    footer: 'Every download is put on the audit trail first; download links are valid for five minutes.',
    signedInAs: (who, groups) => `Signed in as ${who} (${groups})`,
    downloading: (id, format) => `Downloading ${id} (${format})…`,
    denied: (id, format) => `Cannot download ${id} (${format}): you may not read this report, or it does not exist. The request was recorded on the audit trail.`,
    expired: 'Your sign-in has expired; please sign in again.', failed: (status) => `The service could not answer (HTTP ${status}); try again later or contact the quality department.`,
    signInFailed: 'Sign-in failed; please try again.',
    tasksTitle: 'Inspection samples and task lists', tasksHint: 'Record ids, reasons and due dates only; no customer data.',
    periodLabel: 'Period (month 2026-11 or week 2026-W47)', showTasks: 'Show', task: 'Task', team: 'Team', recordType: 'Record type',
    branch: 'Branch', recordId: 'Record id', reasons: 'Reasons', dueOn: 'Due',
    tasksSummary: (period, plan, count, population) => `${period}: plan ${plan}, ${count} drawn from ${population}.`,
    noSample: (period) => `No sample has been drawn for ${period} yet.`, tasksDenied: 'Inspection samples are for the quality department.',
    lookupTitle: 'Customer lookup', lookupHint: "All records of one customer by national ID number or phone number; every lookup is put on the audit trail (without the number).",
    lookupBy: 'Look up by', idNo: 'ID number', phone: 'Phone number', lookupValue: 'Number', lookup: 'Look up', recordDate: 'Date', recordStatus: 'Status', customerName: 'Customer name',
    lookupDenied: 'Customer lookups are for the quality department. The request was recorded on the audit trail.',
    lookupNone: 'No records for the number given.', lookupFound: (count) => `${count} record(s).`,
  },
};

const TOKEN = 'qualityhub.token';
const PKCE = 'qualityhub.pkce';
const state = { lang: localStorage.getItem('qualityhub.lang') || 'zh-Hant', config: { mode: 'local' }, message: null, signedIn: null };

const $ = (selector) => document.querySelector(selector);
const t = (key, ...args) => {
  const value = TEXT[state.lang][key];
  return typeof value === 'function' ? value(...args) : value;
};

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = 'QualityHub ' + t('title');
  document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  const switcher = $('#lang');
  switcher.textContent = t('switchTo');
  switcher.lang = state.lang === 'en' ? 'zh-Hant' : 'en';
  document.querySelectorAll('td[data-scope="company"]').forEach((cell) => { cell.textContent = t('company'); });
  document.querySelectorAll('td[data-branch-name]').forEach((cell) => { cell.textContent = branchLabel(cell); });
  if (state.signedIn) {
    $('#signed-in-as').textContent = t('signedInAs', state.signedIn.who, state.signedIn.groups.join(', '));
  }
  if (state.message) {
    show(state.message.kind, t(state.message.key, ...state.message.args), state.message);
  }
}

// A branch report's scope: the code with the branch's name (from the branch directory) in the page's language.
function branchLabel(cell) {
  return cell.dataset.branch + ' ' + JSON.parse(cell.dataset.branchName)[state.lang];
}

function show(kind, text, remembered) {
  const message = $('#message');
  message.className = kind;
  message.textContent = text;
  message.hidden = false;
  state.message = remembered || null;
}

function say(kind, key, ...args) {
  show(kind, t(key, ...args), { kind, key, args });
}

function clearMessage() {
  $('#message').hidden = true;
  state.message = null;
}

async function api(path) {
  return fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN) }, cache: 'no-store' });
}

function signOut(expired) {
  sessionStorage.removeItem(TOKEN);
  state.signedIn = null;
  $('#reports-panel').hidden = true;
  $('#tasks-panel').hidden = true;
  $('#lookup-panel').hidden = true;
  $('#customer-records').hidden = true;
  $('#customer-records tbody').replaceChildren();
  $('#signed-in-as').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in-panel').hidden = false;
  if (expired) {
    say('failed', 'expired');
  }
}

async function showReports() {
  const response = await api('reports');
  if (response.status === 401) {
    signOut(true);
    return;
  }
  if (!response.ok) {
    say('failed', 'failed', response.status);
    return;
  }
  const body = await response.json();
  $('#sign-in-panel').hidden = true;
  $('#reports-panel').hidden = false;
  $('#sign-out').hidden = false;
  state.signedIn = { who: body.who, groups: body.groups };
  const who = $('#signed-in-as');
  who.hidden = false;
  who.textContent = t('signedInAs', body.who, body.groups.join(', '));
  const rows = $('#reports tbody');
  rows.replaceChildren();
  for (const report of body.reports) {
    const row = document.createElement('tr');
    row.dataset.report = report.report;
    const cells = [report.report + (report.topic ? ' · ' + report.topic : ''), report.period, report.scope, report.generatedAt];
    cells.forEach((text, index) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (index === 2 && report.scope === 'company') {
        cell.dataset.scope = 'company';
        cell.textContent = t('company');
      } else if (index === 2 && report.branchName) {
        cell.dataset.branch = report.scope;
        cell.dataset.branchName = JSON.stringify(report.branchName);
        cell.textContent = branchLabel(cell);
      }
      row.append(cell);
    });
    const links = document.createElement('td');
    for (const format of report.formats) {
      const link = document.createElement('a');
      link.className = 'download';
      link.href = '#';
      link.dataset.format = format;
      link.textContent = format.toUpperCase();
      link.addEventListener('click', (event) => { event.preventDefault(); download(report.report, format); });
      links.append(link);
    }
    row.append(links);
    rows.append(row);
  }
  $('#no-reports').hidden = body.reports.length > 0;
  $('#tasks-panel').hidden = !body.groups.includes('quality');
  $('#lookup-panel').hidden = !body.groups.includes('quality');
}

// POST: the ID or phone number travels in the body, never in a URL, the history or an access log.
// field: 'idNo' or 'phone', the body's one field.
async function lookUpCustomer(field, value) {
  clearMessage();
  const table = $('#customer-records');
  table.hidden = true;
  $('#customer-records tbody').replaceChildren();
  const response = await fetch('customers/lookup', {
    method: 'POST', cache: 'no-store',
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), 'Content-Type': 'application/json' },
    body: JSON.stringify({ [field]: value }),
  });
  if (response.status === 401) {
    signOut(true);
    return;
  }
  if (response.status === 403) {
    say('denied', 'lookupDenied');
    return;
  }
  if (!response.ok) {
    say('failed', 'failed', response.status);
    return;
  }
  const body = await response.json();
  if (body.records.length === 0) {
    say('info', 'lookupNone');
    return;
  }
  $('#customer-records tbody').replaceChildren(...body.records.map((record) => {
    const row = document.createElement('tr');
    row.dataset.record = record.recordId;
    [record.type, record.branch, record.recordId, record.date, record.status, record.customerName || '-'].forEach((text) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  }));
  table.hidden = false;
  say('info', 'lookupFound', body.records.length);
}

async function showTasks(period) {
  clearMessage();
  const response = await api('samples/' + encodeURIComponent(period));
  if (response.status === 401) {
    signOut(true);
    return;
  }
  if (response.status === 403) {
    say('denied', 'tasksDenied');
    return;
  }
  if (response.status === 404 || response.status === 400) {
    say('info', 'noSample', period);
    return;
  }
  if (!response.ok) {
    say('failed', 'failed', response.status);
    return;
  }
  const body = await response.json();
  const summary = $('#tasks-summary');
  summary.hidden = false;
  summary.textContent = t('tasksSummary', body.period, body.planVersion, body.tasks.length, body.populationSize);
  const rows = $('#tasks tbody');
  rows.replaceChildren(...body.tasks.map((task) => {
    const row = document.createElement('tr');
    row.dataset.task = task.task;
    [task.task, task.team, task.recordType, task.branch, task.record, task.reasons.join('; '), task.dueOn].forEach((text) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  }));
  $('#tasks').hidden = false;
}

async function download(reportId, format) {
  clearMessage();
  const response = await api('reports/' + encodeURIComponent(reportId) + '?format=' + encodeURIComponent(format));
  if (response.status === 401) {
    signOut(true);
    return;
  }
  if (response.status === 403 || response.status === 404) {
    say('denied', 'denied', reportId, format.toUpperCase());
    return;
  }
  if (!response.ok) {
    say('failed', 'failed', response.status);
    return;
  }
  const granted = await response.json();
  say('info', 'downloading', reportId, format.toUpperCase());
  // The signed URL answers with Content-Disposition: attachment, so the browser saves the file and the page stays.
  window.location.assign(granted.url);
}

// --- Local sign-in (./qualityhub portal) ---

async function prepareLocalSignIn() {
  const users = await (await fetch('local/users', { cache: 'no-store' })).json();
  const select = $('#user');
  select.replaceChildren(...users.map((user) => {
    const option = document.createElement('option');
    option.value = user.name;
    option.textContent = `${user.name} (${user.group})`;
    return option;
  }));
  $('#local-sign-in').hidden = false;
}

async function localSignIn() {
  const response = await fetch('local/sign-in', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: $('#user').value }),
  });
  if (!response.ok) {
    say('failed', 'signInFailed');
    return;
  }
  sessionStorage.setItem(TOKEN, (await response.json()).token);
  clearMessage();
  await showReports();
}

// --- Cognito Hosted UI, authorization code with PKCE (RFC 7636) ---

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return window.location.origin + window.location.pathname;
}

async function cognitoSignIn() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state: nonce }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: state.config.clientId, redirect_uri: redirectUri(), scope: state.config.scope,
    code_challenge_method: 'S256', code_challenge: challenge, state: nonce,
  });
  window.location.assign(state.config.signInDomain + '/oauth2/authorize?' + query);
}

async function finishCognitoSignIn(params) {
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  window.history.replaceState(null, '', redirectUri());
  if (!pending || pending.state !== params.get('state')) {
    say('failed', 'signInFailed');
    return;
  }
  const response = await fetch(state.config.signInDomain + '/oauth2/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: state.config.clientId, code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    say('failed', 'signInFailed');
    return;
  }
  sessionStorage.setItem(TOKEN, (await response.json()).access_token);
}

async function start() {
  state.config = await (await fetch('config.json', { cache: 'no-store' })).json();
  applyLanguage();
  $('#lang').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh-Hant' : 'en';
    localStorage.setItem('qualityhub.lang', state.lang);
    applyLanguage();
  });
  $('#sign-out').addEventListener('click', () => {
    signOut(false);
    if (state.config.mode === 'cognito') {
      window.location.assign(state.config.signInDomain + '/logout?' + new URLSearchParams({
        client_id: state.config.clientId, logout_uri: redirectUri() }));
    }
  });
  $('#open-report').addEventListener('submit', (event) => {
    event.preventDefault();
    download($('#report-id').value.trim(), $('#report-format').value);
  });
  $('#show-tasks-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showTasks($('#period').value.trim());
  });
  $('#lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('#lookup-value');
    const value = input.value.trim();
    input.value = ''; // not left on screen or in the form once asked
    lookUpCustomer($('#lookup-by').value === 'phone' ? 'phone' : 'idNo', value);
  });
  const params = new URLSearchParams(window.location.search);
  if (state.config.mode === 'cognito') {
    $('#sign-in').addEventListener('click', cognitoSignIn);
    if (params.has('code')) {
      await finishCognitoSignIn(params);
    }
  } else {
    $('#sign-in').addEventListener('click', localSignIn);
    await prepareLocalSignIn();
  }
  if (sessionStorage.getItem(TOKEN)) {
    await showReports();
  } else {
    $('#sign-in-panel').hidden = false;
  }
}

start();
