import { describeFloors } from './_floors.js';

describeFloors('south-german-credit');
