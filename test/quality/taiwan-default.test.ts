import { describeFloors } from './_floors.js';

describeFloors('taiwan-default');
