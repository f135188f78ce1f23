// Draws each <canvas data-table data-x data-y data-type> of a dashboard page from the dashboard's JSON
// (/api/<slug> with the page's own filters), with Chart.js served from this application.
(function () {
  'use strict';
  var main = document.querySelector('main[data-dashboard]');
  if (!main || typeof Chart === 'undefined') {
    return;
  }
  fetch('/api/' + main.dataset.dashboard + window.location.search, {headers: {Accept: 'application/json'}})
    .then(function (response) {
      if (!response.ok) {
        throw new Error('the figures answered ' + response.status);
      }
      return response.json();
    })
    .then(function (figures) {
      document.querySelectorAll('canvas[data-table]').forEach(function (canvas) {
        var table = figures.tables[canvas.dataset.table];
        if (!table) {
          return;
        }
        var rows = table.rows;
        if (canvas.dataset.type === 'bar' && rows.length > 30) {
          rows = rows.slice(0, 30);
        }
        new Chart(canvas, {
          type: canvas.dataset.type,
          data: {
            labels: rows.map(function (row) { return String(row[canvas.dataset.x]); }),
            datasets: [{
              label: canvas.dataset.label,
              data: rows.map(function (row) {
                var value = row[canvas.dataset.y];
                return value === null ? null : Number(value);
              }),
              backgroundColor: 'rgba(37, 99, 235, 0.6)',
              borderColor: 'rgb(37, 99, 235)',
              spanGaps: true
            }]
          },
          options: {animation: false, maintainAspectRatio: false, plugins: {legend: {display: false}}}
        });
      });
    })
    .catch(function (error) {
      var note = document.createElement('p');
      note.className = 'error';
      note.textContent = 'Charts unavailable: ' + error.message;
      main.insertBefore(note, main.querySelector('.charts'));
    });
}());
