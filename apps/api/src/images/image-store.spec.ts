import { describeImageStoreSpec } from '../testing/describe-image-store-spec.js';
import { describeEachImageStore } from '../testing/test-image-stores.js';

describeEachImageStore('ImageStore', describeImageStoreSpec);
