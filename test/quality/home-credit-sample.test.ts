import { describeFloors } from './_floors.js';

describeFloors('home-credit-sample');
