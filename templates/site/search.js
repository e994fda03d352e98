/* global document, window, fetch */
// The archive's only script: filters the agencies of the search index (search-index.json) by name, pinyin initials,
// code, region and year. Pages work without it: the home page lists every agency, and the search box stays hidden.
(function () {
  'use strict';
  var section = document.getElementById('search');
  var form = section && section.querySelector('form');
  if (!form || !window.fetch) return;
  var text = document.getElementById('search-text');
  var regionSelect = document.getElementById('search-region');
  var yearSelect = document.getElementById('search-year');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var index;

  function option(select, value) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = value;
    select.appendChild(o);
  }

  function fold(s) {
    return s.toLowerCase().replace(/\s+/g, '');
  }

  function render() {
    var query = fold(text.value);
    var region = regionSelect.value;
    var year = yearSelect.value ? Number(yearSelect.value) : 0;
    results.textContent = '';
    if (!query && !region && !year) {
      status.textContent = '';
      return;
    }
    var shown = 0;
    var found = 0;
    index.agencies.forEach(function (a) {
      // [code, name, pinyin initials, region index, years, href]
      var regionName = a[3] >= 0 ? index.regions[a[3]] : '';
      if (region && regionName !== region) return;
      if (year && a[4].indexOf(year) < 0) return;
      if (query && fold(a[1]).indexOf(query) < 0 && a[2].indexOf(query) < 0 && a[0].indexOf(query) < 0) return;
      found++;
      if (shown >= 50) return;
      shown++;
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = a[5];
      link.textContent = a[1];
      li.appendChild(link);
      var years = document.createElement('span');
      years.className = 'meta';
      years.textContent = ' ' + (regionName ? regionName + ' · ' : '') + a[4].join('、');
      li.appendChild(years);
      results.appendChild(li);
    });
    status.textContent =
      found === 0
        ? '没有找到符合条件的机关。'
        : '找到 ' + found + ' 个机关' + (found > shown ? '，显示前 ' + shown + ' 个' : '') + '。';
  }

  fetch(form.getAttribute('data-index'))
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (loaded) {
      index = loaded;
      index.regions.forEach(function (r) {
        option(regionSelect, r);
      });
      index.years.forEach(function (y) {
        option(yearSelect, String(y));
      });
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        render();
      });
      form.addEventListener('input', render);
      form.addEventListener('change', render);
      section.hidden = false;
    })
    .catch(function () {
      // No index: the full list below still works.
    });
})();
