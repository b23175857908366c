import { describeFloors } from './_floors.js';

describeFloors('give-me-some-credit');
