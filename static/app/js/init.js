// Start GOV.UK Frontend. Loaded as an external ES module, so no inline
// script is needed and a strict Content Security Policy can be used:
//   <script type="module" src="{% static 'app/js/init.js' %}"></script>
// Browsers that do not support ES modules never run this file and get the
// no-JavaScript versions of the components.
//
// The semicolon after the import is needed: Django's manifest storage only
// rewrites an import statement that ends with one, to the library's hashed name.
import { initAll } from '../../govuk/js/govuk-frontend.min.js';

// GOV.UK Frontend components only initialise (and some CSS only applies)
// when <body> has this class.
document.body.classList.add('govuk-frontend-supported')

initAll()
