// Jest maps every .css import to this empty module (see jest.config.cjs).
module.exports = {};
