import { formats, winston } from '@strapi/logger';
import { envText } from '../src/nianbao/required-env';

// NIANBAO_CMS_LOG_LEVEL: `http` logs every request (default `info`); tests use `warn`.
const level = envText('NIANBAO_CMS_LOG_LEVEL', 'info');

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
};
