import { describeFloors } from './_floors.js';

describeFloors('german-credit');
