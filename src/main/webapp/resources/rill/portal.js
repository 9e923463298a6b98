// Small conveniences for the portal. Every page works without this script: it only adds the Copy
// button, a live expiration date, one-shot forms and focus where the person needs it next.
(function () {
    'use strict';

    function pad(n) {
        return (n < 10 ? '0' : '') + n;
    }

    // "Sun 2026-12-06 10:30 (Europe/Berlin)": unambiguous, in the person's own time zone.
    function formatDate(date) {
        var weekday = date.toLocaleDateString('en', { weekday: 'short' });
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
        return weekday + ' ' + date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' '
            + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ' (' + zone + ')';
    }

    function setUpCopy(button) {
        var field = document.getElementById(button.getAttribute('data-copy'));
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        var timer;
        function confirm(text) {
            button.textContent = 'Copied';
            status.textContent = text;
            clearTimeout(timer);
            timer = setTimeout(function () { button.textContent = 'Copy'; }, 4000);
        }
        function copyBySelection() {
            field.focus();
            field.select();
            var copied = false;
            try {
                copied = document.execCommand('copy');
            } catch (e) {
                copied = false;
            }
            button.focus();
            if (copied) {
                confirm('Copied to the clipboard.');
            } else {
                status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
            }
        }
        button.hidden = false;
        button.addEventListener('click', function () {
            field.setSelectionRange(0, field.value.length);
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(function () {
                    confirm('Copied to the clipboard.');
                }, copyBySelection);
            } else {
                copyBySelection();
            }
        });
    }

    function setUpExpiration(select) {
        var custom = document.getElementById(select.getAttribute('data-custom'));
        var preview = document.getElementById(select.getAttribute('data-preview'));
        var warning = document.getElementById(select.getAttribute('data-warning'));
        var customField = custom.closest('.field');
        function update() {
            var value = select.value;
            customField.hidden = value !== 'custom';
            warning.hidden = value !== 'never';
            if (value === 'never') {
                preview.textContent = 'Never expires.';
                return;
            }
            var minutes = value === 'custom' ? custom.value.trim() : value;
            if (!/^\d{1,7}$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > 5256000) {
                preview.textContent = 'Enter between 1 and 5256000 minutes to see when it expires.';
                return;
            }
            preview.textContent = 'Expires on ' + formatDate(new Date(Date.now() + Number(minutes) * 60000)) + '.';
        }
        select.addEventListener('change', update);
        custom.addEventListener('input', update);
        update();
    }

    // A form marked data-once is sent once: a double click must not issue two tokens.
    function setUpOnce(form) {
        form.addEventListener('submit', function (event) {
            if (form.getAttribute('data-sent')) {
                event.preventDefault();
            }
            form.setAttribute('data-sent', 'true');
        });
    }

    document.querySelectorAll('button[data-copy]').forEach(setUpCopy);
    document.querySelectorAll('select[data-expiration]').forEach(setUpExpiration);
    document.querySelectorAll('form[data-once]').forEach(setUpOnce);
    window.addEventListener('pageshow', function () {
        document.querySelectorAll('form[data-sent]').forEach(function (form) { form.removeAttribute('data-sent'); });
    });

    // The invitation page: the link's secret is in the fragment, which browsers never send to a server. It goes
    // into the form (posted, so no log sees it either) and out of the address bar and history.
    var invitation = document.querySelector('form[data-invitation]');
    if (invitation && window.location.hash.length > 1 && !document.querySelector('.field-error')) {
        invitation.querySelector('input[type=text]').value = decodeURIComponent(window.location.hash.substring(1));
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
        invitation.querySelector('input[type=submit]').click();
    }

    // After a full-page round trip, put the keyboard where the person continues: a field to fix,
    // the revoke confirmation, or the new token.
    var invalid = document.querySelector('.field .field-error');
    var next = invalid ? invalid.closest('.field').querySelector('input, select') : document.querySelector('[data-focus]');
    if (next) {
        next.focus();
    }
}());
