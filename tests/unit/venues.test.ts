// Venue lines as Google Scholar prints them (profile rows and search bylines), each read by a person
// into venue / volume / issue / pages (issue 15, "Venues").
import { describe, expect, it } from 'vitest';
import { splitVenue, type VenueParts } from '../../lib/core/venues';

const cases: [string, VenueParts][] = [
  ['Carbon 140, 201-209', { venue: 'Carbon', volume: '140', pages: '201-209' }],
  [
    'IEEE Transactions on … 34 (2), 211-224',
    { venue: 'IEEE Transactions on …', volume: '34', issue: '2', pages: '211-224', truncated: true },
  ],
  ['Nature 596 (7873), 583-589', { venue: 'Nature', volume: '596', issue: '7873', pages: '583-589' }],
  ['Nature 579, 233-239', { venue: 'Nature', volume: '579', pages: '233-239' }],
  ['PloS one 14 (3), e0213978', { venue: 'PloS one', volume: '14', issue: '3', pages: 'e0213978' }],
  ['The Cryosphere 17 (4), 1553-1570', { venue: 'The Cryosphere', volume: '17', issue: '4', pages: '1553-1570' }],
  [
    'IEEE Robotics and Automation Letters 6 (2), 2210-2217',
    { venue: 'IEEE Robotics and Automation Letters', volume: '6', issue: '2', pages: '2210-2217' },
  ],
  ['Advances in neural information processing systems 30', { venue: 'Advances in neural information processing systems', volume: '30' }],
  [
    'International conference on machine learning, 1597-1607',
    { venue: 'International conference on machine learning', pages: '1597-1607' },
  ],
  [
    '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 770-778',
    { venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)', pages: '770-778' },
  ],
  ['Physical review letters 77 (18), 3865', { venue: 'Physical review letters', volume: '77', issue: '18', pages: '3865' }],
  [
    'Journal of Physics: Conference Series 1234 (1), 012345',
    { venue: 'Journal of Physics: Conference Series', volume: '1234', issue: '1', pages: '012345' },
  ],
  [
    'The Journal of Machine Learning Research 15 (1), 1929-1958',
    { venue: 'The Journal of Machine Learning Research', volume: '15', issue: '1', pages: '1929-1958' },
  ],
  ['Neural computation 9 (8), 1735-1780', { venue: 'Neural computation', volume: '9', issue: '8', pages: '1735-1780' }],
  ['Science 313 (5786), 504-507', { venue: 'Science', volume: '313', issue: '5786', pages: '504-507' }],
  ['Communications of the ACM 60 (6), 84-90', { venue: 'Communications of the ACM', volume: '60', issue: '6', pages: '84-90' }],
  ['Journal of Chemical Physics 98, 5648', { venue: 'Journal of Chemical Physics', volume: '98', pages: '5648' }],
  ['Bioinformatics 25 (14), 1754–1760', { venue: 'Bioinformatics', volume: '25', issue: '14', pages: '1754-1760' }],
  [
    'Proceedings of the 2019 Conference of the North American Chapter …, 4171-4186',
    { venue: 'Proceedings of the 2019 Conference of the North American Chapter …', pages: '4171-4186', truncated: true },
  ],
  ['IEEE transactions on neural …', { venue: 'IEEE transactions on neural …', truncated: true }],
  ['Advances in neural …', { venue: 'Advances in neural …', truncated: true }],
  ['Lancet 395 (10223), 497-506', { venue: 'Lancet', volume: '395', issue: '10223', pages: '497-506' }],
  ['Medical Physics 45 (Suppl 1), S12-S20', { venue: 'Medical Physics', volume: '45', issue: 'Suppl 1', pages: 'S12-S20' }],
  // Lines that stay whole.
  ['arXiv preprint arXiv:1706.03762', { venue: 'arXiv preprint arXiv:1706.03762' }],
  ['arXiv preprint arXiv …', { venue: 'arXiv preprint arXiv …', truncated: true }],
  ['CoRR abs/1609.02907', { venue: 'CoRR abs/1609.02907' }],
  ['US Patent 9,876,543', { venue: 'US Patent 9,876,543' }],
  ['ICLR 2015', { venue: 'ICLR 2015' }],
  ['Interspeech 2019', { venue: 'Interspeech 2019' }],
  ['EGU General Assembly Conference Abstracts', { venue: 'EGU General Assembly Conference Abstracts' }],
  ['AI open', { venue: 'AI open' }],
  [
    'Medical image computing and computer-assisted intervention–MICCAI 2015, 2015',
    { venue: 'Medical image computing and computer-assisted intervention–MICCAI 2015, 2015' },
  ],
  ['', {}],
];

describe('splitVenue', () => {
  for (const [line, want] of cases) it(JSON.stringify(line), () => expect(splitVenue(line)).toEqual(want));
});
