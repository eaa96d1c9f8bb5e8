// Browser test: axe-core over every shopper, company and admin page in
// English (or the language of MALLPAY_E2E_LANG or the first argument):
// zero WCAG 2.1 A/AA violations. The walk is axe_lib.mjs's.
import { axeWalk } from './axe_lib.mjs';

const lang = process.argv[2] || process.env.MALLPAY_E2E_LANG || 'en';
axeWalk(lang, 'axe');
