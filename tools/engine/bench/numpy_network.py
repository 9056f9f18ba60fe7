"""The book's network in numpy, as the book writes it, for `npm run bench` to measure against.

    python3 numpy_network.py TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS HIDDEN LEARNING_RATE SAMPLES

One thread (BLAS is told so before numpy loads), one sample at a time, no biases, sigmoid. The
inputs are scaled before the clock starts, as the TypeScript networks' are. Prints one JSON line:
samples per second of training and of querying, by the clock and by this process's CPU time,
and the accuracy on the test images.
"""
import json
import os
import sys
import time

for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[name] = "1"

import numpy  # noqa: E402  (after the thread settings, which BLAS reads when it loads)


class neuralNetwork:
    def __init__(self, inputnodes, hiddennodes, outputnodes, learningrate):
        self.inodes = inputnodes
        self.hnodes = hiddennodes
        self.onodes = outputnodes
        self.wih = numpy.random.normal(0.0, pow(self.inodes, -0.5), (self.hnodes, self.inodes))
        self.who = numpy.random.normal(0.0, pow(self.hnodes, -0.5), (self.onodes, self.hnodes))
        self.lr = learningrate
        self.activation_function = lambda x: 1.0 / (1.0 + numpy.exp(-x))

    def train(self, inputs_list, targets_list):
        inputs = numpy.array(inputs_list, ndmin=2).T
        targets = numpy.array(targets_list, ndmin=2).T
        hidden_inputs = numpy.dot(self.wih, inputs)
        hidden_outputs = self.activation_function(hidden_inputs)
        final_inputs = numpy.dot(self.who, hidden_outputs)
        final_outputs = self.activation_function(final_inputs)
        output_errors = targets - final_outputs
        hidden_errors = numpy.dot(self.who.T, output_errors)
        self.who += self.lr * numpy.dot((output_errors * final_outputs * (1.0 - final_outputs)), numpy.transpose(hidden_outputs))
        self.wih += self.lr * numpy.dot((hidden_errors * hidden_outputs * (1.0 - hidden_outputs)), numpy.transpose(inputs))

    def query(self, inputs_list):
        inputs = numpy.array(inputs_list, ndmin=2).T
        hidden_outputs = self.activation_function(numpy.dot(self.wih, inputs))
        return self.activation_function(numpy.dot(self.who, hidden_outputs))


def read_idx(images_file, labels_file, limit):
    with open(images_file, "rb") as f:
        raw = f.read()
    count = int.from_bytes(raw[4:8], "big")
    images = numpy.frombuffer(raw, dtype=numpy.uint8, offset=16).reshape(count, 784)[:limit]
    with open(labels_file, "rb") as f:
        labels = numpy.frombuffer(f.read(), dtype=numpy.uint8, offset=8)[:limit]
    return images, labels


def rates(count, work):
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return count / (time.perf_counter() - wall), count / (time.process_time() - cpu)


def main():
    train_images, train_labels, test_images, test_labels, hidden, lr, samples = sys.argv[1:8]
    numpy.random.seed(1)
    images, labels = read_idx(train_images, train_labels, int(samples))
    tests, answers = read_idx(test_images, test_labels, 10000)
    inputs = [(numpy.asarray(row, dtype=float) / 255.0 * 0.99) + 0.01 for row in images]
    targets = []
    for label in labels:
        t = numpy.zeros(10) + 0.01
        t[label] = 0.99
        targets.append(t)
    test_inputs = [(numpy.asarray(row, dtype=float) / 255.0 * 0.99) + 0.01 for row in tests]
    net = neuralNetwork(784, int(hidden), 10, float(lr))

    def train():
        for i, t in zip(inputs, targets):
            net.train(i, t)

    right = []

    def query():
        for i, label in zip(test_inputs, answers):
            right.append(int(numpy.argmax(net.query(i))) == int(label))

    train_wall, train_cpu = rates(len(inputs), train)
    query_wall, query_cpu = rates(len(test_inputs), query)
    print(json.dumps({"trainWall": train_wall, "trainCpu": train_cpu, "queryWall": query_wall, "queryCpu": query_cpu, "accuracy": sum(right) / len(right)}))


main()
