// The local staff desk's task form: the task's Camunda Form rendered by bpmn.io form-js, the
// renderer Tasklist embeds, with the process variables as its data. On "Complete task" the form
// validates; the files of each file picker are uploaded to /desk/documents the way Tasklist uploads
// them to Camunda's document store (one multipart part per file, X-Document-Metadata naming the
// picker's files key), the picker's value becomes the list of document references, and the task is
// completed with the form's data as JSON.
(function () {
  'use strict';

  var container = document.getElementById('task-form');
  // the desk's limits (interlend.desk.max-files, interlend.desk.max-file-size), checked again on upload
  var MAX_FILES = Number(container.dataset.maxFiles);
  var MAX_FILE_BYTES = Number(container.dataset.maxFileBytes);
  var status = document.getElementById('form-status');
  var button = document.getElementById('complete');
  var schema = JSON.parse(document.getElementById('form-schema').textContent);
  var data = JSON.parse(document.getElementById('form-data').textContent);
  var csrfToken = document.querySelector('meta[name=_csrf]').content;
  var csrfHeader = document.querySelector('meta[name=_csrf_header]').content;

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function filePickers(components, into) {
    (components || []).forEach(function (c) {
      if (c.type === 'filepicker' && c.key) {
        into.push(c.key);
      }
      filePickers(c.components, into);
    });
    return into;
  }

  var form = new FormViewer.Form({ container: container });
  // for tests and the curious: the form and the warnings of its import
  window.interlendTaskForm = { form: form, ready: false, warnings: null };

  form.importSchema(schema, data).then(function (result) {
    window.interlendTaskForm.warnings = result.warnings;
    window.interlendTaskForm.ready = true;
  }).catch(function (e) {
    say('The form could not be shown: ' + e.message);
    button.disabled = true;
  });

  function multipart(uploads) {
    var boundary = '----interlend-' + Math.random().toString(16).slice(2) + Date.now().toString(16);
    var parts = [];
    uploads.forEach(function (u) {
      var name = u.file.name.replace(/["\r\n]/g, '_');
      parts.push('--' + boundary + '\r\n'
        + 'Content-Disposition: form-data; name="files"; filename="' + name + '"\r\n'
        + 'Content-Type: ' + (u.file.type || 'application/octet-stream') + '\r\n'
        + 'X-Document-Metadata: ' + JSON.stringify({ customProperties: { pickerKey: u.pickerKey } }) + '\r\n\r\n');
      parts.push(u.file);
      parts.push('\r\n');
    });
    parts.push('--' + boundary + '--\r\n');
    return { type: 'multipart/form-data; boundary=' + boundary, body: new Blob(parts) };
  }

  function post(url, type, body) {
    var headers = { 'Accept': 'application/json, application/problem+json' };
    headers['Content-Type'] = type;
    headers[csrfHeader] = csrfToken;
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!response.ok) {
            var detail = json && json.detail ? json.detail : 'the server answered ' + response.status;
            throw new Error(detail);
          }
          return json;
        });
      });
  }

  button.addEventListener('click', function () {
    say('');
    var submitted = form.submit();
    if (Object.keys(submitted.errors).length > 0) {
      say('The task was not completed: fill in the fields marked in red.');
      return;
    }
    var values = submitted.data;
    var registry = form.get('fileRegistry', false);
    var uploads = [];
    filePickers(schema.components, []).forEach(function (key) {
      var filesKey = values[key];
      if (typeof filesKey === 'string' && registry && registry.hasKey(filesKey)) {
        registry.getFiles(filesKey).forEach(function (file) {
          uploads.push({ pickerKey: filesKey, file: file, key: key });
        });
      }
    });
    if (uploads.length > MAX_FILES) {
      say('The task was not completed: at most ' + MAX_FILES + ' files can be uploaded at once.');
      return;
    }
    var tooBig = uploads.filter(function (u) { return u.file.size > MAX_FILE_BYTES; });
    if (tooBig.length > 0) {
      say('The task was not completed: ' + tooBig[0].file.name + ' is larger than '
        + Math.round(MAX_FILE_BYTES / 1024 / 1024) + ' MB.');
      return;
    }
    button.disabled = true;
    var uploaded = uploads.length === 0
      ? Promise.resolve([])
      : (function () {
          var m = multipart(uploads);
          return post(container.dataset.documents + '?task=' + container.dataset.task, m.type, m.body);
        })();
    uploaded.then(function (references) {
      var byPicker = {};
      uploads.forEach(function (u) { byPicker[u.key] = u.pickerKey; });
      Object.keys(byPicker).forEach(function (key) {
        values[key] = references.filter(function (r) {
          return r.metadata && r.metadata.customProperties
            && r.metadata.customProperties.pickerKey === byPicker[key];
        });
      });
      return post(container.dataset.complete, 'application/json', JSON.stringify({ variables: values }));
    }).then(function (answer) {
      window.location.assign(answer && answer.redirect ? answer.redirect : '/desk');
    }).catch(function (e) {
      button.disabled = false;
      say('The task was not completed: ' + e.message);
    });
  });
})();
