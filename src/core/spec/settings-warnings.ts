/** Settings that work but are likely mistakes: warnings, never errors. */
import { parseField } from './field-value';
import type { Reporter } from './reporter';
import { initSchema, trainSchema } from './schema';

export function checkSettings(r: Reporter): void {
  const strategy = parseField(initSchema.shape.strategy, r.get(['init', 'strategy']));
  const layers = r.get(['layers']);
  if (strategy?.value === 'zeros' && Array.isArray(layers) && layers.length > 2) {
    r.report(
      'zero-init-symmetry',
      'With zero initialisation every hidden unit computes the same value and gets the same update: symmetry never breaks. Use uniform, xavier or he.',
      r.valueRange(['init', 'strategy']),
    );
  }
  if (strategy && strategy.value !== 'uniform' && r.has(['init', 'epsilon'])) {
    r.report('epsilon-unused', `init.epsilon is only used by the uniform strategy, not ${strategy.value}.`, r.keyRange(['init', 'epsilon']));
  }

  const optimizer = parseField(trainSchema.shape.optimizer, r.get(['train', 'optimizer']));
  if (!optimizer) return;
  const o = optimizer.value;
  const lineSearch = o === 'cg' || o === 'lbfgs';
  if (lineSearch && r.has(['train', 'learningRate'])) {
    r.report('learning-rate-unused', `${o} chooses its own step sizes by line search; learningRate is ignored.`, r.keyRange(['train', 'learningRate']));
  }
  if (lineSearch && typeof r.get(['train', 'batchSize']) === 'number') {
    r.report('batch-size-unused', `${o} always uses the full batch; batchSize is ignored.`, r.keyRange(['train', 'batchSize']));
  }
  if (o !== 'momentum' && r.has(['train', 'momentum'])) {
    r.report('momentum-unused', `momentum is only used by the momentum optimiser, not ${o}.`, r.keyRange(['train', 'momentum']));
  }
}
