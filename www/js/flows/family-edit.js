// The static controls that change the family outside the forms: the date of the question,
// "添加家人", "清空，重新开始". They call the app object (flows/calculator.js).
import { $ } from '../views/dom.js';

export function wireFamilyEdits(app) {
  $('#as-of').addEventListener('change', function () {
    if (/^\d{4}-\d{2}-\d{2}$/.test(this.value)) { app.state.as_of = this.value; app.update('value'); }
  });
  $('#add-member').addEventListener('click', function () { app.addMember(); });
  $('#reset').addEventListener('click', function () { app.reset(); });
}
