// LànhMạnh playground: posts to /v1/check and shows the verdict. Plain script, no build step.
(function () {
  'use strict';

  var TEXTS = {
    vi: {
      tagline: 'Thử bộ lọc nội dung an toàn cho trẻ em',
      inputLabel: 'Văn bản hoặc địa chỉ web',
      kindLabel: 'Loại', kindAuto: 'Tự nhận biết', kindText: 'Văn bản', kindUrl: 'Địa chỉ web (URL)',
      ageLabel: 'Tuổi người xem', submit: 'Kiểm tra', rating: 'Phân loại',
      highlighted: 'Các đoạn bị phát hiện', redacted: 'Văn bản đã che',
      safeUrl: 'Địa chỉ tìm kiếm an toàn', help: 'Cần giúp đỡ?',
      footer: 'Máy chủ trả về đúng JSON của lệnh batch', switchTo: 'English',
      none: 'Không phát hiện gì.', phone: 'Gọi', networkError: 'Không kết nối được máy chủ.',
      actions: { ALLOW: 'Cho phép', WARN: 'Cảnh báo', BLOCK: 'Chặn' },
      categories: {
        sexual: 'tình dục', sexual_minors: 'xâm hại tình dục trẻ em', grooming: 'dụ dỗ trẻ em',
        violence: 'bạo lực', self_harm: 'tự gây hại', drugs: 'ma túy', gambling: 'cờ bạc', scam: 'lừa đảo',
        harassment: 'xúc phạm, quấy rối', profanity: 'tục tĩu', pii: 'thông tin cá nhân', dating: 'hẹn hò',
        social: 'mạng xã hội'
      }
    },
    en: {
      tagline: 'Try the child-safety content filter',
      inputLabel: 'Text or web address',
      kindLabel: 'Kind', kindAuto: 'Detect', kindText: 'Text', kindUrl: 'Web address (URL)',
      ageLabel: 'Viewer\u2019s age', submit: 'Check', rating: 'Rating',
      highlighted: 'What was found', redacted: 'Redacted text',
      safeUrl: 'Safe-search address', help: 'Need help?',
      footer: 'The server answers with the batch command\u2019s JSON', switchTo: 'Tiếng Việt',
      none: 'Nothing found.', phone: 'Call', networkError: 'Cannot reach the server.',
      actions: { ALLOW: 'Allow', WARN: 'Warn', BLOCK: 'Block' },
      categories: {
        sexual: 'sexual', sexual_minors: 'sexual (minors)', grooming: 'grooming', violence: 'violence',
        self_harm: 'self-harm', drugs: 'drugs', gambling: 'gambling', scam: 'scam', harassment: 'harassment',
        profanity: 'profanity', pii: 'personal information', dating: 'dating', social: 'social media'
      }
    }
  };

  var lang = 'vi';
  var last = null;   // {input, verdict}, re-rendered when the language changes

  function $(id) { return document.getElementById(id); }
  function t(key) { return TEXTS[lang][key]; }
  function categoryLabel(c) { return TEXTS[lang].categories[c] || c; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
    $('lang').textContent = t('switchTo');
    if (last) { render(last.input, last.verdict); }
  }

  // As the command line decides: no spaces, and scheme://… or www.…
  function looksLikeUrl(s) {
    if (/\s/.test(s)) { return false; }
    return /^www\../i.test(s) || /^[a-z][a-z0-9+.\-]*:\/\/./i.test(s);
  }

  // Findings' start/end are UTF-16 offsets, which is how JavaScript indexes strings: slice directly.
  // Overlapping findings are drawn as one mark carrying every category.
  function highlight(target, input, findings) {
    target.textContent = '';
    var sorted = findings.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var groups = [];
    sorted.forEach(function (f) {
      var g = groups[groups.length - 1];
      if (g && f.start < g.end) {
        g.end = Math.max(g.end, f.end);
        if (g.categories.indexOf(f.category) < 0) { g.categories.push(f.category); }
      } else {
        groups.push({ start: f.start, end: f.end, categories: [f.category] });
      }
    });
    var pos = 0;
    groups.forEach(function (g) {
      target.appendChild(document.createTextNode(input.slice(pos, g.start)));
      var mark = document.createElement('mark');
      mark.textContent = input.slice(g.start, g.end);
      mark.setAttribute('data-category', g.categories.join(' '));
      mark.className = g.categories.join(' ');
      mark.title = g.categories.map(categoryLabel).join(', ');
      target.appendChild(mark);
      var tag = document.createElement('sup');
      tag.className = 'tag';
      tag.textContent = g.categories.map(categoryLabel).join(', ');
      target.appendChild(tag);
      pos = g.end;
    });
    target.appendChild(document.createTextNode(input.slice(pos)));
  }

  function render(input, v) {
    $('error').hidden = true;
    $('result').hidden = false;
    var action = $('action');
    action.textContent = t('actions')[v.action] || v.action;
    action.className = 'badge ' + v.action;
    action.setAttribute('data-action', v.action);
    $('rating').textContent = v.rating;
    highlight($('highlighted'), input, v.findings);
    var list = $('findings');
    list.textContent = '';
    if (v.findings.length === 0) {
      var none = document.createElement('li');
      none.textContent = t('none');
      list.appendChild(none);
    }
    v.findings.forEach(function (f) {
      var li = document.createElement('li');
      li.textContent = '\u201c' + f.match + '\u201d \u2014 ' + categoryLabel(f.category) + ' (' + f.severity + ', '
          + f.rule + ', ' + f.start + '\u2013' + f.end + ')';
      list.appendChild(li);
    });
    $('redacted').textContent = v.redacted;
    $('safeUrlBox').hidden = !v.safeUrl;
    if (v.safeUrl) {
      $('safeUrl').textContent = v.safeUrl;
      $('safeUrl').href = v.safeUrl;
    }
    $('helpBox').hidden = !v.help;
    if (v.help) {
      var h = $('help');
      h.textContent = (lang === 'vi' ? v.help.vi : v.help.en) + ' ';
      if (v.help.phone) {
        var call = document.createElement('a');
        call.href = 'tel:' + v.help.phone;
        call.textContent = t('phone') + ' ' + v.help.phone;
        h.appendChild(call);
        h.appendChild(document.createTextNode(' '));
      }
      if (v.help.url) {
        var link = document.createElement('a');
        link.href = v.help.url;
        link.rel = 'noopener noreferrer';
        link.textContent = v.help.url;
        h.appendChild(link);
      }
    }
  }

  function showError(message) {
    $('result').hidden = true;
    $('error').hidden = false;
    $('error').textContent = message;
  }

  function submit(event) {
    event.preventDefault();
    var input = $('input').value;
    var kind = $('kind').value;
    var isUrl = kind === 'url' || (kind === 'auto' && looksLikeUrl(input.trim()));
    var body = { age: parseInt($('age').value, 10) };
    if (isUrl) { input = input.trim(); body.url = input; } else { body.text = input; }
    fetch('v1/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
      .then(function (r) {
        if (r.ok) {
          last = { input: input, verdict: r.json };
          render(input, r.json);
        } else {
          last = null;
          showError(r.json.message + ' (' + r.json.code + ')');
        }
      })
      .catch(function () { showError(t('networkError')); });
  }

  function start() {
    var asked = new URLSearchParams(window.location.search).get('lang');
    var saved = null;
    try { saved = window.localStorage.getItem('lanhmanh.lang'); } catch (e) { /* storage may be off */ }
    lang = asked === 'en' || asked === 'vi' ? asked : saved === 'en' ? 'en' : 'vi';
    $('lang').addEventListener('click', function () {
      lang = lang === 'vi' ? 'en' : 'vi';
      try { window.localStorage.setItem('lanhmanh.lang', lang); } catch (e) { /* ignore */ }
      applyLanguage();
    });
    $('form').addEventListener('submit', submit);
    applyLanguage();
  }

  start();
}());
