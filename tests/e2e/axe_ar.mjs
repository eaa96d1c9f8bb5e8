// Browser test: axe-core over every shopper, company and admin page in
// Arabic (right to left): the shopper and company pages must come as
// <html lang="ar" dir="rtl">, the admin console (English and Chinese only)
// as English saying so; zero WCAG 2.1 A/AA violations. The walk is
// axe_lib.mjs's.
import { axeWalk } from './axe_lib.mjs';

axeWalk('ar', 'axe_ar');
