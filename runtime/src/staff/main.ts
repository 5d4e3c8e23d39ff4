// The staff app's entry (index.html): every element of the workspace, defined.
import { defineStaffElements } from './define.ts';

defineStaffElements();
