/**
 * What a person reads in each file of this corpus, written by hand from the .bib text (not from any
 * parser's output): for every paper its title, authors (display order, "Given Family"), year, month
 * or day when the file gives one, venue, DOI, arXiv id and URL. Paperdex's own conventions apply
 * where a reading needs one: the venue of a thesis is its school, of a book its publisher, of an
 * arXiv @misc its publisher ("arXiv"); an undefined @string macro stands for its name.
 *
 * `skipped` are entries that are not papers (a crossref'd @proceedings volume, an entry without a
 * title); `errorLines` the lines of the syntax errors a reader must report (the file is then rejected
 * as a whole by `parseBibtex`, but the papers around the errors are still listed here, for the
 * comparison with a parser that recovers).
 */

/** One paper as a person reads it. DOIs as the file writes them (they compare case-insensitively). */
export interface ExpectedPaper {
  citeKey: string;
  title: string;
  authors: string[];
  authorsTruncated?: true;
  year?: number;
  date?: string;
  venue?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
}

/**
 * A place where Paperdex does not read what a person reads, kept visible: the test checks that
 * Paperdex gives `paperdex` there (so a fix shows up as a failure that asks to remove the gap).
 */
export interface KnownGap {
  citeKey: string;
  field: 'authors';
  paperdex: string[];
  why: string;
}

/** The reading of one corpus file. */
export interface ExpectedFile {
  papers: ExpectedPaper[];
  skipped?: string[];
  errorLines?: number[];
  gaps?: KnownGap[];
}

// Why the CJK gap stays: reading "王, 小明" as "王小明" alone would break the BibTeX round trip of a
// stored "丁 丙" (the writer splits it Western-style into "丙, 丁"). Closing it needs the writer to
// brace names written wholly in CJK script (`{丁 丙}`, as it does for organisations) — a writer change.
const CJK_GAP = 'CJK "Family, Given" is displayed in Western order until the writer keeps CJK names whole';

const VASWANI = [
  'Ashish Vaswani',
  'Noam Shazeer',
  'Niki Parmar',
  'Jakob Uszkoreit',
  'Llion Jones',
  'Aidan N. Gomez',
  'Lukasz Kaiser',
  'Illia Polosukhin',
];
const DEVLIN = ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'];
const BERT = 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding';
const GOOD_JOURNAL = 'Journal of Good Entries';

export const EXPECTED: Record<string, ExpectedFile> = {
  'arxiv.bib': {
    papers: [
      {
        citeKey: 'vaswani2023attentionneed',
        title: 'Attention Is All You Need',
        authors: VASWANI,
        year: 2023,
        arxiv: '1706.03762',
        url: 'https://arxiv.org/abs/1706.03762',
      },
      {
        citeKey: 'maldacena1997largenlimit',
        title: 'The Large N Limit of Superconformal Field Theories and Supergravity',
        authors: ['Juan M. Maldacena'],
        year: 1997,
        arxiv: 'hep-th/9711200',
        url: 'https://arxiv.org/abs/hep-th/9711200',
      },
      {
        citeKey: 'kingma2017adammethodstochastic',
        title: 'Adam: A Method for Stochastic Optimization',
        authors: ['Diederik P. Kingma', 'Jimmy Ba'],
        year: 2017,
        arxiv: '1412.6980',
        url: 'https://arxiv.org/abs/1412.6980',
      },
      {
        citeKey: 'https://doi.org/10.48550/arxiv.1810.04805',
        title: BERT,
        authors: DEVLIN,
        year: 2018,
        venue: 'arXiv',
        doi: '10.48550/ARXIV.1810.04805',
        arxiv: '1810.04805',
        url: 'https://arxiv.org/abs/1810.04805',
      },
      {
        citeKey: 'https://doi.org/10.48550/arxiv.2106.09685',
        title: 'LoRA: Low-Rank Adaptation of Large Language Models',
        authors: [
          'Edward J. Hu',
          'Yelong Shen',
          'Phillip Wallis',
          'Zeyuan Allen-Zhu',
          'Yuanzhi Li',
          'Shean Wang',
          'Lu Wang',
          'Weizhu Chen',
        ],
        year: 2021,
        venue: 'arXiv',
        doi: '10.48550/ARXIV.2106.09685',
        arxiv: '2106.09685',
        url: 'https://arxiv.org/abs/2106.09685',
      },
    ],
  },

  'acl-anthology.bib': {
    papers: [
      {
        citeKey: 'devlin-etal-2019-bert',
        title: BERT,
        authors: DEVLIN,
        year: 2019,
        date: '2019-06',
        venue:
          'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)',
        doi: '10.18653/v1/N19-1423',
        url: 'https://aclanthology.org/N19-1423/',
      },
      {
        citeKey: 'sennrich-etal-2016-neural',
        title: 'Neural Machine Translation of Rare Words with Subword Units',
        authors: ['Rico Sennrich', 'Barry Haddow', 'Alexandra Birch'],
        year: 2016,
        date: '2016-08',
        venue: 'Proceedings of the 54th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
        doi: '10.18653/v1/P16-1162',
        url: 'https://aclanthology.org/P16-1162/',
      },
      {
        citeKey: 'schick-schutze-2021-exploiting',
        title: 'Exploiting Cloze-Questions for Few-Shot Text Classification and Natural Language Inference',
        authors: ['Timo Schick', 'Hinrich Schütze'],
        year: 2021,
        date: '2021-04',
        venue: 'Proceedings of the 16th Conference of the European Chapter of the Association for Computational Linguistics: Main Volume',
        doi: '10.18653/v1/2021.eacl-main.20',
        url: 'https://aclanthology.org/2021.eacl-main.20/',
      },
      {
        citeKey: 'goldberg-2016-primer',
        title: 'A Primer on Neural Network Models for Natural Language Processing',
        authors: ['Yoav Goldberg'],
        year: 2016,
        venue: 'Journal of Artificial Intelligence Research',
      },
      {
        citeKey: 'nguyen-etal-2020-phobert',
        title: 'PhoBERT: Pre-trained language models for Vietnamese',
        authors: ['Dat Quoc Nguyen', 'Anh Tuan Nguyen'],
        year: 2020,
        date: '2020-11',
        venue: 'Findings of the Association for Computational Linguistics: EMNLP 2020',
        doi: '10.18653/v1/2020.findings-emnlp.92',
        url: 'https://aclanthology.org/2020.findings-emnlp.92/',
      },
    ],
  },

  'dblp.bib': {
    papers: [
      {
        citeKey: 'DBLP:conf/nips/VaswaniSPUJGKP17',
        title: 'Attention is All you Need',
        authors: VASWANI,
        year: 2017,
        venue: 'NIPS',
        url: 'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      },
      {
        citeKey: 'DBLP:conf/cvpr/HeZRS16',
        title: 'Deep Residual Learning for Image Recognition',
        // "Jian Sun 0001" is DBLP's homonym number, not part of the name.
        authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
        year: 2016,
        venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016, Las Vegas, NV, USA, June 27-30, 2016',
        doi: '10.1109/CVPR.2016.90',
        url: 'https://doi.org/10.1109/CVPR.2016.90',
      },
      {
        citeKey: 'DBLP:journals/corr/abs-1810-04805',
        title: BERT,
        authors: DEVLIN,
        year: 2018,
        venue: 'CoRR',
        arxiv: '1810.04805',
        url: 'http://arxiv.org/abs/1810.04805',
      },
      {
        citeKey: 'DBLP:journals/jmlr/SrivastavaHKSS14',
        title: 'Dropout: a simple way to prevent neural networks from overfitting',
        authors: ['Nitish Srivastava', 'Geoffrey E. Hinton', 'Alex Krizhevsky', 'Ilya Sutskever', 'Ruslan Salakhutdinov'],
        year: 2014,
        venue: 'J. Mach. Learn. Res.',
        doi: '10.5555/2627435.2670313',
        url: 'https://dl.acm.org/doi/10.5555/2627435.2670313',
      },
      {
        // Year and venue come from the crossref'd volume.
        citeKey: 'DBLP:conf/iclr/KingmaB14',
        title: 'Adam: A Method for Stochastic Optimization',
        authors: ['Diederik P. Kingma', 'Jimmy Ba'],
        year: 2015,
        venue:
          '3rd International Conference on Learning Representations, ICLR 2015, San Diego, CA, USA, May 7-9, 2015, Conference Track Proceedings',
        arxiv: '1412.6980',
        url: 'http://arxiv.org/abs/1412.6980',
      },
    ],
    // The volumes the papers crossref are not papers.
    skipped: ['DBLP:conf/nips/2017', 'DBLP:conf/iclr/2015'],
  },

  'zotero.bib': {
    papers: [
      {
        citeKey: 'vaswani_attention_2017',
        title: 'Attention Is All You Need',
        authors: VASWANI,
        year: 2023,
        date: '2023-08',
        venue: 'arXiv',
        doi: '10.48550/arXiv.1706.03762',
        arxiv: '1706.03762',
        url: 'http://arxiv.org/abs/1706.03762',
      },
      {
        citeKey: 'van_merrienboer_blocks_2015',
        title: 'Blocks and Fuel: Frameworks for deep learning',
        authors: [
          'Bart van Merriënboer',
          'Dzmitry Bahdanau',
          'Vincent Dumoulin',
          'Dmitriy Serdyuk',
          'David Warde-Farley',
          'Jan Chorowski',
          'Yoshua Bengio',
        ],
        year: 2015,
        date: '2015-06',
        venue: 'arXiv:1506.00619 [cs, stat]',
        arxiv: '1506.00619',
        url: 'http://arxiv.org/abs/1506.00619',
      },
      {
        citeKey: 'muller_when_2019',
        title: 'When does label smoothing help?',
        authors: ['Rafael Müller', 'Simon Kornblith', 'Geoffrey E Hinton'],
        year: 2019,
        venue: 'Advances in Neural Information Processing Systems',
        url: 'https://proceedings.neurips.cc/paper/2019/hash/f1748d6b0fd9d439f71450117eba2725-Abstract.html',
      },
      {
        citeKey: 'lecun_deep_2015',
        title: 'Deep learning',
        authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
        year: 2015,
        date: '2015-05',
        venue: 'Nature',
        doi: '10.1038/nature14539',
        url: 'https://www.nature.com/articles/nature14539',
      },
      {
        citeKey: 'graves_supervised_2008',
        title: 'Supervised Sequence Labelling with Recurrent Neural Networks',
        authors: ['Alex Graves'],
        year: 2008,
        venue: 'Technische Universität München',
      },
    ],
  },

  'better-bibtex.bib': {
    papers: [
      {
        citeKey: 'vaswaniAttentionAllYou2023',
        title: 'Attention Is All You Need',
        authors: VASWANI,
        year: 2023,
        date: '2023-08',
        venue: 'arXiv',
        doi: '10.48550/arXiv.1706.03762',
        arxiv: '1706.03762',
      },
      {
        citeKey: 'heMomentumContrastUnsupervised2020',
        title: 'Momentum Contrast for Unsupervised Visual Representation Learning',
        authors: ['Kaiming He', 'Haoqi Fan', 'Yuxin Wu', 'Saining Xie', 'Ross Girshick'],
        year: 2020,
        date: '2020-06',
        venue: '2020 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
        doi: '10.1109/CVPR42600.2020.00975',
      },
      {
        citeKey: 'jumperHighlyAccurateProtein2021',
        title: 'Highly Accurate Protein Structure Prediction with AlphaFold',
        authors: [
          'John Jumper',
          'Richard Evans',
          'Alexander Pritzel',
          'Tim Green',
          'Michael Figurnov',
          'Olaf Ronneberger',
          'Kathryn Tunyasuvunakool',
          'Russ Bates',
          'Augustin Žídek',
          'Anna Potapenko',
        ],
        authorsTruncated: true,
        year: 2021,
        date: '2021-08',
        venue: 'Nature',
        doi: '10.1038/s41586-021-03819-2',
      },
      {
        citeKey: 'radfordLearningTransferableVisual2021a',
        title: 'Learning Transferable Visual Models From Natural Language Supervision',
        authors: [
          'Alec Radford',
          'Jong Wook Kim',
          'Chris Hallacy',
          'Aditya Ramesh',
          'Gabriel Goh',
          'Sandhini Agarwal',
          'Girish Sastry',
          'Amanda Askell',
          'Pamela Mishkin',
          'Jack Clark',
          'Gretchen Krueger',
          'Ilya Sutskever',
        ],
        year: 2021,
        date: '2021-02-26',
        venue: 'arXiv.org',
        arxiv: '2103.00020',
        url: 'https://arxiv.org/abs/2103.00020v1',
      },
      {
        citeKey: 'paszkePyTorchImperativeStyle2019',
        title: 'PyTorch: An Imperative Style, High-Performance Deep Learning Library',
        authors: [
          'Adam Paszke',
          'Sam Gross',
          'Francisco Massa',
          'Adam Lerer',
          'James Bradbury',
          'Gregory Chanan',
          'Trevor Killeen',
          'Zeming Lin',
          'Natalia Gimelshein',
          'Luca Antiga',
          'Alban Desmaison',
          'Andreas Köpf',
          'Edward Yang',
          'Zach DeVito',
          'Martin Raison',
          'Alykhan Tejani',
          'Sasank Chilamkurthy',
          'Benoit Steiner',
          'Lu Fang',
          'Junjie Bai',
          'Soumith Chintala',
        ],
        year: 2019,
        date: '2019-12-03',
        doi: '10.48550/arXiv.1912.01703',
        arxiv: '1912.01703',
      },
    ],
  },

  'google-scholar.bib': {
    papers: [
      {
        citeKey: 'vaswani2017attention',
        title: 'Attention is all you need',
        authors: [
          'Ashish Vaswani',
          'Noam Shazeer',
          'Niki Parmar',
          'Jakob Uszkoreit',
          'Llion Jones',
          'Aidan N Gomez',
          'Łukasz Kaiser',
          'Illia Polosukhin',
        ],
        year: 2017,
        venue: 'Advances in neural information processing systems',
      },
      {
        citeKey: 'devlin2018bert',
        title: 'Bert: Pre-training of deep bidirectional transformers for language understanding',
        authors: DEVLIN,
        year: 2018,
        venue: 'arXiv preprint arXiv:1810.04805',
        arxiv: '1810.04805',
      },
      {
        citeKey: 'he2016deep',
        title: 'Deep residual learning for image recognition',
        authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
        year: 2016,
        venue: 'Proceedings of the IEEE conference on computer vision and pattern recognition',
      },
      {
        citeKey: 'brown2020language',
        title: 'Language models are few-shot learners',
        authors: [
          'Tom Brown',
          'Benjamin Mann',
          'Nick Ryder',
          'Melanie Subbiah',
          'Jared D Kaplan',
          'Prafulla Dhariwal',
          'Arvind Neelakantan',
          'Pranav Shyam',
          'Girish Sastry',
          'Amanda Askell',
        ],
        authorsTruncated: true,
        year: 2020,
        venue: 'Advances in neural information processing systems',
      },
      {
        citeKey: 'goodfellow2016deep',
        title: 'Deep learning',
        authors: ['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville'],
        year: 2016,
        venue: 'MIT press Cambridge',
      },
      {
        citeKey: 'krizhevsky2009learning',
        title: 'Learning multiple layers of features from tiny images',
        authors: ['Alex Krizhevsky', 'Geoffrey Hinton'],
        authorsTruncated: true,
        year: 2009,
        venue: 'Toronto, ON, Canada',
      },
      {
        // Scholar builds keys from the LaTeX of the surname; BibTeX reads a key up to the comma.
        citeKey: 'm{\\"u}ller2019does',
        title: 'When does label smoothing help?',
        authors: ['Rafael Müller', 'Simon Kornblith', 'Geoffrey E Hinton'],
        year: 2019,
        venue: 'Advances in neural information processing systems',
      },
      {
        citeKey: 'pennington2014glove',
        title: 'Glove: Global vectors for word representation',
        authors: ['Jeffrey Pennington', 'Richard Socher', 'Christopher D Manning'],
        year: 2014,
        venue: 'Proceedings of the 2014 conference on empirical methods in natural language processing (EMNLP)',
      },
      {
        citeKey: 'wolf2019huggingface',
        title: "HuggingFace's Transformers: State-of-the-art Natural Language Processing",
        authors: [
          'Thomas Wolf',
          'Lysandre Debut',
          'Victor Sanh',
          'Julien Chaumond',
          'Clement Delangue',
          'Anthony Moi',
          'Pierric Cistac',
          'Tim Rault',
          'Rémi Louf',
          'Morgan Funtowicz',
          'Joe Davison',
          'Sam Shleifer',
          'Patrick von Platen',
          'Clara Ma',
          'Yacine Jernite',
          'Julien Plu',
          'Canwen Xu',
          'Teven Le Scao',
          'Sylvain Gugger',
          'Mariama Drame',
          'Quentin Lhoest',
          'Alexander M. Rush',
        ],
        year: 2019,
        arxiv: '1910.03771',
      },
    ],
  },

  'macros.bib': {
    papers: [
      {
        citeKey: 'blei2003lda',
        title: 'Latent Dirichlet Allocation',
        authors: ['David M. Blei', 'Andrew Y. Ng', 'Michael I. Jordan'],
        year: 2003,
        date: '2003-01',
        venue: 'Journal of Machine Learning Research',
      },
      {
        citeKey: 'lowe2004sift',
        title: 'Distinctive Image Features from Scale-Invariant Keypoints',
        authors: ['David G. Lowe'],
        year: 2004,
        date: '2004-11',
        venue: 'International Journal of Computer Vision',
        doi: '10.1023/B:VISI.0000029664.99615.94',
      },
      {
        citeKey: 'ioffe2015batchnorm',
        title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
        authors: ['Sergey Ioffe', 'Christian Szegedy'],
        year: 2015,
        date: '2015-07',
        venue: 'Proceedings of the International Conference on Machine Learning (ICML)',
      },
      {
        // month = apr # "~14": April 14.
        citeKey: 'kingma2014vae',
        title: 'Auto-Encoding Variational Bayes',
        authors: ['Diederik P. Kingma', 'Max Welling'],
        year: 2014,
        date: '2014-04-14',
        venue: 'International Conference on Learning Representations (ICLR)',
        arxiv: '1312.6114',
      },
      {
        citeKey: 'lecun1998gradient',
        title: 'Gradient-Based Learning Applied to Document Recognition',
        authors: ['Yann LeCun', 'Léon Bottou', 'Yoshua Bengio', 'Patrick Haffner'],
        year: 1998,
        date: '1998-11',
        venue: 'Proceedings of the IEEE',
        doi: '10.1109/5.726791',
      },
      {
        citeKey: 'ho2020ddpm',
        title: 'Denoising Diffusion Probabilistic Models',
        authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
        year: 2020,
        date: '2020-12',
        venue: 'Advances in Neural Information Processing Systems',
      },
      {
        // Seven months joined by "/" name no single month.
        citeKey: 'zhou2021months',
        title: 'Every Month Macro',
        authors: ['Ming Zhou'],
        year: 2021,
        venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence',
      },
    ],
  },

  'latex-accents.bib': {
    papers: [
      {
        citeKey: 'erdos1959random',
        title: 'On Random Graphs I',
        authors: ['Paul Erdős', 'Alfréd Rényi'],
        year: 1959,
        venue: 'Publicationes Mathematicae Debrecen',
      },
      {
        citeKey: 'godel1931',
        title: 'Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I',
        authors: ['Kurt Gödel'],
        year: 1931,
        venue: 'Monatshefte für Mathematik und Physik',
        doi: '10.1007/BF01700692',
      },
      {
        citeKey: 'garcon2019',
        title: 'Façade Detection in Zürich and Škoda Plants',
        authors: ['François Garçon', 'Jürgen Straßer', 'Antonín Dvořák', 'Jiří Škoda'],
        year: 2019,
        venue: 'Proceedings of the European Conference on Computer Vision (ECCV)',
      },
      {
        citeKey: 'lukasiewicz2020',
        title: 'Logic in Łódź, Øresund and Århus: A Tour',
        authors: ['Jan Łukasiewicz', 'Piotr Małecki', 'Anna Węgrzyn', 'Søren Østergaard', 'Anders Ångström', 'Lutz Straßburger'],
        year: 2020,
        venue: 'Studia Logica',
      },
      {
        citeKey: 'cech2010',
        title: 'The Čech Complex and Niño Phenomena: α-Stable Laws — a Survey',
        authors: ['Eduard Čech', 'Paul Erdős', 'María Graña', 'Émile Borel', 'Tuğba Yağmur', 'Vãn Nguyễn'],
        year: 2010,
        venue: 'Annals of Mathematics',
      },
      {
        citeKey: 'smith2018casing',
        title: 'GANs for 3D Point Clouds: ImageNet-Scale Training with Very Large Batches and k-Means',
        authors: ['John Smith, Jr.', 'Barnes and Noble', 'Hans Christensen', 'María de la Fuente'],
        year: 2018,
        venue: 'Proceedings of the 35th International Conference on Machine Learning',
        url: 'https://example.org/papers/smith_2018.pdf',
      },
      {
        citeKey: 'oneil2017',
        title: 'Weapons of Math Destruction: “How” Big Data Increases Inequality & Threatens Democracy – 50% Edition',
        authors: ["Cathy O'Neil", "Jean le Rond d'Alembert", 'John von Neumann', 'Johannes Diderik van der Waals'],
        year: 2017,
        venue: 'Journal of Examples',
      },
    ],
  },

  'cjk-names.bib': {
    // "王, 小明" is the family name 王 and the given name 小明: written family first, without a space,
    // as Chinese, Japanese and Korean names are (and as the sites show them).
    gaps: [
      { citeKey: 'wang2021cjk', field: 'authors', paperdex: ['小明 王', '华 李', 'Wei Zhang'], why: CJK_GAP },
      { citeKey: 'tanaka2019', field: 'authors', paperdex: ['田中 太郎', '花子 山田', 'Ichiro Suzuki'], why: CJK_GAP },
      { citeKey: 'kim2020korean', field: 'authors', paperdex: ['철수 김', 'Ji-hoon Park', '이영희'], why: CJK_GAP },
    ],
    papers: [
      {
        citeKey: 'wang2021cjk',
        title: '基于深度学习的中文分词方法研究',
        authors: ['王小明', '李华', 'Wei Zhang'],
        year: 2021,
        venue: '计算机学报',
      },
      {
        citeKey: 'tanaka2019',
        title: '日本語の文書分類における事前学習モデルの比較',
        authors: ['田中 太郎', '山田花子', 'Ichiro Suzuki'],
        year: 2019,
        date: '2019-03',
        venue: '言語処理学会 第25回年次大会 発表論文集',
      },
      {
        citeKey: 'kim2020korean',
        title: '한국어 형태소 분석기의 성능 비교',
        authors: ['김철수', 'Ji-hoon Park', '이영희'],
        year: 2020,
        venue: '한국정보과학회논문지',
      },
      {
        citeKey: 'li2015feifei',
        title: 'ImageNet Large Scale Visual Recognition Challenge',
        authors: ['Olga Russakovsky', 'Jia Deng', 'Hao Su', 'Fei-Fei Li', '李飞飞'],
        year: 2015,
        venue: 'International Journal of Computer Vision',
        doi: '10.1007/s11263-015-0816-y',
      },
    ],
  },

  'malformed.bib': {
    papers: [
      { citeKey: 'good1', title: 'A Good Entry Before the Trouble', authors: ['Ann Alpha'], year: 2010, venue: GOOD_JOURNAL },
      { citeKey: 'good2', title: 'A Second Good Entry', authors: ['Gina Gamma', 'Dan Delta'], year: 2012, venue: GOOD_JOURNAL },
      {
        citeKey: 'good3',
        title: 'A Third Good Entry with an Undefined Macro',
        authors: ['Ed Eta'],
        authorsTruncated: true,
        year: 2015,
        venue: 'undefinedjournal',
      },
    ],
    skipped: ['notitle'],
    // The unclosed brace of 'missingbrace' (its title, line 10) and the missing '=' of 'noequals'.
    errorLines: [10, 23],
  },
};
